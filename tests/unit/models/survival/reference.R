# Reference values for the survival tests, from R 4.2.2 with survival 3.5-3.
# Run from the repository root:
#   Rscript tests/unit/models/survival/reference.R > tests/unit/models/survival/r-reference.json
# Data: datasets/wa_churn.csv, duration tenure, event churn == "Yes" (tenure 0 rows kept: Surv accepts 0).
# Factor levels sort in the C collation here (LC_COLLATE=C.UTF-8), the order the workbench uses.
suppressMessages(library(survival))
stopifnot(as.character(packageVersion("survival")) == "3.5.3")
wa <- read.csv("datasets/wa_churn.csv", stringsAsFactors = FALSE)
wa$event <- as.integer(wa$churn == "Yes")
wa$contract <- factor(wa$contract)
wa$internet_service <- factor(wa$internet_service)
wa$payment_method <- factor(wa$payment_method)

# A tiny JSON writer (jsonlite is not installed): numbers with 17 significant digits, NA as null.
num <- function(x) ifelse(is.na(x) | !is.finite(x), "null", formatC(x, digits = 17, format = "g"))
arr <- function(x) paste0("[", paste(num(as.numeric(x)), collapse = ","), "]")
strs <- function(x) paste0("[", paste0('"', x, '"', collapse = ","), "]")
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste0('"', names(kv), '":', unlist(kv), collapse = ","), "}")
}

times <- c(12, 24, 48, 72)
km <- survfit(Surv(tenure, event) ~ contract, data = wa)
s <- summary(km, times = times)
groups <- sub("^contract=", "", names(km$strata))
at <- lapply(seq_along(groups), function(g) {
  k <- s$strata == names(km$strata)[g]
  obj(group = paste0('"', groups[g], '"'), time = arr(s$time[k]), survival = arr(s$surv[k]),
      std_err = arr(s$std.err[k]), lower = arr(s$lower[k]), upper = arr(s$upper[k]))
})
medians <- summary(km)$table[, "median"]

# The full curve of all customers (no group): every distinct time.
all <- survfit(Surv(tenure, event) ~ 1, data = wa)
full <- obj(time = arr(all$time), n_risk = arr(all$n.risk), n_event = arr(all$n.event), n_censor = arr(all$n.censor),
            survival = arr(all$surv), std_err_log = arr(all$std.err), std_err = arr(summary(all, times = all$time)$std.err),
            lower = arr(all$lower), upper = arr(all$upper), median = num(summary(all)$table["median"]))

lr <- survdiff(Surv(tenure, event) ~ contract, data = wa)
logrank <- obj(chisq = num(lr$chisq), observed = arr(lr$obs), expected = arr(lr$exp), p = num(pchisq(lr$chisq, 2, lower.tail = FALSE)))

coxjson <- function(fit, newdata) {
  ci <- summary(fit)$conf.int
  bh <- survfit(fit)  # at the means, Efron hazard for an Efron fit (ctype default)
  pred <- survfit(fit, newdata = newdata)
  ps <- summary(pred, times = c(12, 24, 48))$surv
  obj(names = strs(names(coef(fit))), coefficients = arr(coef(fit)), standard_errors = arr(sqrt(diag(vcov(fit)))),
      hazard_ratios = arr(exp(coef(fit))), lower = arr(ci[, 3]), upper = arr(ci[, 4]),
      p = arr(summary(fit)$coefficients[, 5]), loglik = arr(fit$loglik), concordance = num(fit$concordance["concordance"]),
      iterations = num(fit$iter), means = arr(fit$means),
      baseline_time = arr(bh$time), baseline_cumhaz = arr(bh$cumhaz),
      predicted_rows = arr(c(1, 2, 3)), predicted_times = arr(c(12, 24, 48)), predicted_survival = arr(as.vector(ps)))
}
formula <- Surv(tenure, event) ~ monthly_charges + contract + senior_citizen + internet_service + paperless_billing + payment_method
efron <- coxph(formula, data = wa, ties = "efron")
breslow <- coxph(formula, data = wa, ties = "breslow")
# Rows 1..3 as new data (predicted survival columns are row 1, 2, 3; times 12, 24, 48 within each).
newdata <- wa[1:3, ]

# Small hand cases: tied times, a censoring tied with a churn, a curve falling to 0, medians on a 0.5 plateau.
small <- data.frame(time = c(1, 1, 2, 3, 4, 4, 5, 6), status = c(1, 1, 1, 1, 0, 1, 1, 0),
                    x = c(0.5, 1, 0, 2, 1, 1.5, 0, 0.2), g = c(0, 0, 1, 1, 0, 1, 0, 1))
skm <- survfit(Surv(time, status) ~ 1, data = small)
small_km <- obj(time = arr(skm$time), survival = arr(skm$surv), std_err = arr(summary(skm, times = skm$time)$std.err),
                lower = arr(skm$lower), upper = arr(skm$upper), median = num(summary(skm)$table["median"]))
zero <- survfit(Surv(c(1, 2, 3, 4), c(1, 1, 1, 1)) ~ 1)
plateau <- survfit(Surv(c(1, 2, 3, 4), c(1, 1, 0, 0)) ~ 1)
slr <- survdiff(Surv(time, status) ~ g, data = small)
scox <- coxph(Surv(time, status) ~ x, data = small, ties = "efron")
sbre <- coxph(Surv(time, status) ~ x, data = small, ties = "breslow")
small_json <- obj(km = small_km, median_to_zero = num(summary(zero)$table["median"]), surv_to_zero = arr(zero$surv),
                  median_plateau = num(summary(plateau)$table["median"]),
                  logrank_chisq = num(slr$chisq), logrank_expected = arr(slr$exp),
                  cox_efron = obj(coefficient = num(coef(scox)), se = num(sqrt(vcov(scox))), loglik = arr(scox$loglik), concordance = num(scox$concordance["concordance"])),
                  cox_breslow = obj(coefficient = num(coef(sbre)), se = num(sqrt(vcov(sbre))), loglik = arr(sbre$loglik)))

cat(obj(
  command = '"Rscript tests/unit/models/survival/reference.R > tests/unit/models/survival/r-reference.json"',
  r_version = paste0('"', R.version.string, '"'), survival_version = paste0('"', as.character(packageVersion("survival")), '"'),
  km_times = arr(times), km_groups = paste0("[", paste(at, collapse = ","), "]"),
  km_medians = arr(medians), km_median_groups = strs(groups), km_all = full, logrank = logrank,
  cox_efron = coxjson(efron, newdata), cox_breslow = coxjson(breslow, newdata), small = small_json
), "\n")
