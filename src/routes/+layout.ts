// A static single-page workbench: prerender the shell, render everything in the browser.
export const prerender = true;
export const ssr = false;
