# Reference values for models/value, computed independently of the TypeScript code
# (R's lgamma/lbeta and one-dimensional `integrate`, no hypergeometric function).
# Run: Rscript tests/unit/models/value/reference.R > tests/unit/models/value/r-reference.json
# (R 4.2.2). The tests read the JSON; CI has no R.
options(digits = 17)
bg <- list(r = 0.243, alpha = 4.414, a = 0.793, b = 2.426)   # the paper's CDNOW estimates
gg <- list(p = 6.25, q = 3.74, v = 15.44)                     # the Gamma-Gamma note's
tol <- 1e-12  # absolute tolerances below are set apart: the default (= rel.tol) is far too loose for small integrands

# BG/NBD individual log-likelihood, paper eq. 6, straight from the formula.
bg_ll <- function(x, tx, T, P = bg) with(P, {
  A <- lgamma(r + x) - lgamma(r) + r * log(alpha) + lbeta(a, b + x) - lbeta(a, b)
  l1 <- -(r + x) * log(alpha + T)
  l2 <- if (x > 0) log(a) - log(b + x - 1) - (r + x) * log(alpha + tx) else -Inf
  A + max(l1, l2) + log(exp(l1 - max(l1, l2)) + exp(l2 - max(l1, l2)))  # the powers underflow alone for x = 400
})
# Gamma-Gamma log-density of a mean spend m over x purchases.
gg_ll <- function(x, m, P = gg) with(P, {
  lgamma(p * x + q) - lgamma(p * x) - lgamma(q) + q * log(v) + p * x * log(x) + (p * x - 1) * log(m) - (p * x + q) * log(v + m * x)
})
# 2F1 by the Euler integral (c > b > 0), z < 1.
f21 <- function(a, b, c, z) {
  f <- function(t) t^(b - 1) * (1 - t)^(c - b - 1) * (1 - z * t)^(-a)
  integrate(f, 0, 1, rel.tol = tol, abs.tol = 0, subdivisions = 2000L)$value / beta(b, c - b)
}
# Beta(a, b) prior on the dropout probability.
h <- function(p, P = bg) dbeta(p, P$a, P$b)
# P(alive) and E[Y(t) | x, tx, T] with λ integrated out in closed form and p numerically:
# alive, λ: E over λ of λ^x e^{−λ s} ∝ (α + s)^−(r+x); purchases in t of an alive customer
# (1 − e^{−λ p t}) / p.
posterior <- function(x, tx, T, t, P = bg) with(P, {
  # Every term is divided by (α + T)^−(r+x), which underflows for heavy buyers.
  alive <- function(p) (1 - p)^x * h(p)
  left <- function(p) if (x > 0) p * (1 - p)^(x - 1) * ((alpha + T) / (alpha + tx))^(r + x) * h(p) else 0 * p
  more <- function(p) (1 - p)^x / p * -expm1(-(r + x) * log1p(p * t / (alpha + T))) * h(p)  # expm1: no cancellation as p → 0
  # Pieces: (1 − p)^x h(p) is a spike at 0 for large x, which one adaptive run misses.
  cuts <- c(0, 1e-8, 1e-6, 1e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 0.6, 1)
  I <- function(f) sum(sapply(seq_len(length(cuts) - 1), function(i) integrate(f, cuts[i], cuts[i + 1], rel.tol = tol, abs.tol = 1e-17, subdivisions = 2000L)$value))
  den <- I(alive) + I(left)
  list(p_alive = I(alive) / den, expected = I(more) / den)
})
unconditional <- function(t, P = bg) with(P, {
  integrate(function(p) (1 - (alpha / (alpha + p * t))^r) / p * h(p), 0, 1, rel.tol = tol, subdivisions = 2000L)$value
})

customers <- list(c(0, 0, 38.86), c(2, 30.43, 38.86), c(1, 1.71, 38.86), c(10, 35, 38), c(40, 37.5, 39), c(5, 10, 30), c(400, 51.9, 52))
spend <- list(c(1, 11.77), c(2, 22.35), c(10, 50), c(3, 7.5))
f21cases <- list(c(0.5, 1.5, 3, 0.3), c(2.3, 1.2, 4.1, 0.9), c(1.2, 0.7, 2.5, -0.6), c(0.8, 1.1, 3.5, -5), c(3, 2, 4.5, 0.97), c(12.243, 0.3, 14.219, 0.5))
horizons <- c(39, 78)

json <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ", "), "]")
cat("{\n")
cat('  "bgnbd_params": ', json(unlist(bg)), ",\n", sep = "")
cat('  "gamma_gamma_params": ', json(unlist(gg)), ",\n", sep = "")
cat('  "bgnbd_loglik": [', paste(sapply(customers, function(c) json(c(c, bg_ll(c[1], c[2], c[3])))), collapse = ", "), "],\n", sep = "")
cat('  "gamma_gamma_loglik": [', paste(sapply(spend, function(c) json(c(c, gg_ll(c[1], c[2])))), collapse = ", "), "],\n", sep = "")
cat('  "hyp2f1": [', paste(sapply(f21cases, function(c) json(c(c, f21(c[1], c[2], c[3], c[4])))), collapse = ", "), "],\n", sep = "")
cat('  "conditional": [', paste(unlist(lapply(customers, function(c) lapply(horizons, function(t) {
  post <- posterior(c[1], c[2], c[3], t)
  json(c(c, t, post$p_alive, post$expected))
}))), collapse = ", "), "],\n", sep = "")
# Maximum likelihood on the paper's CDNOW summary by R's optim (BFGS on log-parameters from the
# paper's values, tight tolerance), standard errors from optimHess of −LL in the natural parameters.
cd <- read.csv(sub("tests/unit/models/value/reference.R$", "datasets/cdnow_summary.csv", sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))))
bg_nll <- function(th) -sum(mapply(function(x, tx, T) bg_ll(x, tx, T, list(r = th[1], alpha = th[2], a = th[3], b = th[4])), cd$x, cd$t_x, cd$T))
bg_fit <- optim(log(unlist(bg)), function(l) bg_nll(exp(l)), method = "BFGS", control = list(reltol = 1e-15, maxit = 1000))
bg_hat <- exp(bg_fit$par)
bg_se <- sqrt(diag(solve(optimHess(bg_hat, bg_nll))))
rep <- cd[cd$x > 0 & cd$zbar > 0, ]
gg_nll <- function(th) -sum(gg_ll(rep$x, rep$zbar, list(p = th[1], q = th[2], v = th[3])))
gg_fit <- optim(log(unlist(gg)), function(l) gg_nll(exp(l)), method = "BFGS", control = list(reltol = 1e-15, maxit = 1000))
gg_hat <- exp(gg_fit$par)
gg_se <- sqrt(diag(solve(optimHess(gg_hat, gg_nll))))
cat('  "bgnbd_fit": {"params": ', json(bg_hat), ', "se": ', json(bg_se), ', "loglik": ', sprintf("%.17g", -bg_fit$value), "},\n", sep = "")
cat('  "gamma_gamma_fit": {"params": ', json(gg_hat), ', "se": ', json(gg_se), ', "loglik": ', sprintf("%.17g", -gg_fit$value), ', "customers": ', nrow(rep), "},\n", sep = "")
# CLV as lifetimes defines it: 12 monthly increments of E[Y(t)] (t_i = i × 30.4375 / 7 weeks)
# times the Gamma-Gamma expected spend p(γ + x m)/(px + q − 1), discounted 1 % a month.
clv <- function(x, tx, T, m, months = 12, d = 0.01) {
  e <- sapply(0:months, function(i) if (i == 0) 0 else posterior(x, tx, T, i * (365.25 / 12) / 7)$expected)
  spend <- with(gg, if (x > 0) p * (v + x * m) / (p * x + q - 1) else p * v / (q - 1))
  sum(diff(e) * spend / (1 + d)^(1:months))
}
clv_cases <- list(c(2, 30.43, 38.86, 22.35), c(0, 0, 38.86, 0), c(10, 35, 38, 41.2))
cat('  "clv": [', paste(sapply(clv_cases, function(c) json(c(c, clv(c[1], c[2], c[3], c[4])))), collapse = ", "), "],\n", sep = "")
cat('  "unconditional": [', paste(sapply(c(1, 39, 78, 520), function(t) json(c(t, unconditional(t)))), collapse = ", "), "]\n", sep = "")
cat("}\n")
