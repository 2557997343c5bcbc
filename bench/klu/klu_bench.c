/* Times SuiteSparse KLU (Debian's libsuitesparse-dev) on one matrix: klu_analyze (BTF + AMD ordering), klu_factor
 * and klu_solve, best of REPEAT runs each, and prints the LU non-zeros and the solution's residual. A reference for
 * hwsim's solver (bench/README.md, issue 13): it is linked only here, never into hwsim.
 * Build: gcc -O2 -o klu_bench klu_bench.c -I/usr/include/suitesparse -lklu -lamd -lcolamd -lbtf -lsuitesparseconfig */
#include <klu.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

int main(int argc, char **argv)
{
    if (argc < 3) { fprintf(stderr, "usage: klu_bench MATRIX.mtx RHS.txt [REPEAT] [SOLUTION.txt]\n"); return 2; }
    int repeat = argc > 3 ? atoi(argv[3]) : 5;
    FILE *f = fopen(argv[1], "r");
    if (!f) { perror(argv[1]); return 2; }
    char line[256];
    do { if (!fgets(line, sizeof line, f)) return 2; } while (line[0] == '%');
    int n, m, nz;
    sscanf(line, "%d %d %d", &n, &m, &nz);
    int *ap = calloc(n + 1, sizeof(int)), *ai = malloc(nz * sizeof(int));
    double *ax = malloc(nz * sizeof(double));
    int prev = 0, k;
    for (k = 0; k < nz; k++)
    {
        int r, c; double v;
        if (fscanf(f, "%d %d %lf", &r, &c, &v) != 3) { fprintf(stderr, "bad entry %d\n", k); return 2; }
        if (c < prev) { fprintf(stderr, "entries must be sorted by column\n"); return 2; }
        prev = c;
        ai[k] = r - 1; ax[k] = v; ap[c]++;
    }
    fclose(f);
    for (k = 0; k < n; k++) ap[k + 1] += ap[k];
    double *b = malloc(n * sizeof(double)), *x = malloc(n * sizeof(double));
    f = fopen(argv[2], "r");
    for (k = 0; k < n; k++) if (fscanf(f, "%lf", &b[k]) != 1) return 2;
    fclose(f);

    klu_common common;
    double best_analyze = 1e30, best_factor = 1e30, best_solve = 1e30, best_total = 1e30;
    long lu = 0, nzoff = 0;
    for (int rep = 0; rep < repeat; rep++)
    {
        klu_defaults(&common);
        double t0 = now();
        klu_symbolic *sym = klu_analyze(n, ap, ai, &common);
        double t1 = now();
        klu_numeric *num = klu_factor(ap, ai, ax, sym, &common);
        double t2 = now();
        memcpy(x, b, n * sizeof(double));
        klu_solve(sym, num, n, 1, x, &common);
        double t3 = now();
        if (!sym || !num || common.status != KLU_OK) { fprintf(stderr, "klu failed, status %d\n", common.status); return 1; }
        lu = num->lnz + num->unz; /* both count the diagonal, as hwsim's figure counts 2n; off-diagonal BTF blocks apart */
        nzoff = num->nzoff;
        if (t1 - t0 < best_analyze) best_analyze = t1 - t0;
        if (t2 - t1 < best_factor) best_factor = t2 - t1;
        if (t3 - t2 < best_solve) best_solve = t3 - t2;
        if (t3 - t0 < best_total) best_total = t3 - t0;
        klu_free_numeric(&num, &common);
        klu_free_symbolic(&sym, &common);
    }
    /* residual |Ax - b|_inf / |b|_inf */
    double *r = calloc(n, sizeof(double)), rn = 0, bn = 0;
    for (int c = 0; c < n; c++) for (k = ap[c]; k < ap[c + 1]; k++) r[ai[k]] += ax[k] * x[c];
    for (k = 0; k < n; k++) { rn = fmax(rn, fabs(r[k] - b[k])); bn = fmax(bn, fabs(b[k])); }
    printf("unknowns %d, matrix non-zeros %d, LU non-zeros %ld (+ %ld in off-diagonal BTF blocks)\n", n, nz, lu, nzoff);
    printf("best of %d: analyze %.4f s, factor %.4f s, solve %.4f s, total %.4f s; relative residual %.2e\n",
           repeat, best_analyze, best_factor, best_solve, best_total, rn / bn);
    if (argc > 4)
    {
        f = fopen(argv[4], "w");
        for (k = 0; k < n; k++) fprintf(f, "%.17g\n", x[k]);
        fclose(f);
    }
    return 0;
}
