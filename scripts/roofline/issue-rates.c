/*
 * What one core issues of the 512-bit integer instructions the SHA-256 kernels use: per-cycle throughput of 12
 * independent chains, latency of one dependent chain, and whether register-to-register moves take issue slots.
 * Cycles come from a chain of dependent 1-cycle scalar adds; times are this thread's CPU time, so other load on
 * the machine moves the results little. Built and run by scripts/kernel-roofline.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#define N 20000000L

static double cpu_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* seconds per cycle: 10 dependent scalar adds per iteration */
static double cycle(void) {
    uint64_t x = 1;
    double t0 = cpu_seconds();
    for (long i = 0; i < N; i++) {
        __asm__ volatile("add %0,%0\n add %0,%0\n add %0,%0\n add %0,%0\n add %0,%0\n"
                         "add %0,%0\n add %0,%0\n add %0,%0\n add %0,%0\n add %0,%0" : "+r"(x));
    }
    return (cpu_seconds() - t0) / (N * 10.0);
}

#define X12(I) I(0) I(1) I(2) I(3) I(4) I(5) I(6) I(7) I(8) I(9) I(10) I(11)
#define CLOBBER "rcx", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", \
    "xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "xmm16", "xmm17", "xmm18", "xmm19", "xmm20", "xmm21"
/* seconds per iteration of a loop body, N iterations */
#define TIME(BODY) ({ double t0 = cpu_seconds(); \
    __asm__ volatile("mov %0, %%rcx\n1:\n" BODY "dec %%rcx\n jnz 1b\n" :: "r"(N) : CLOBBER); \
    (cpu_seconds() - t0) / N; })

#define ADD(i) "vpaddd %%zmm20, %%zmm" #i ", %%zmm" #i "\n"
#define TERN(i) "vpternlogd $0x96, %%zmm20, %%zmm21, %%zmm" #i "\n"
#define ROR(i) "vprord $7, %%zmm" #i ", %%zmm" #i "\n"
#define SRL(i) "vpsrld $3, %%zmm" #i ", %%zmm" #i "\n"
/* the kernels' mix: one rotate or shift for every two other operations */
#define MIX ROR(0) ADD(1) TERN(2) ROR(3) ADD(4) TERN(5) SRL(6) ADD(7) TERN(8) ROR(9) ADD(10) TERN(11)
#define MOVES "vmovdqa64 %%zmm0, %%zmm12\n vmovdqa64 %%zmm1, %%zmm13\n vmovdqa64 %%zmm2, %%zmm14\n" \
    "vmovdqa64 %%zmm3, %%zmm15\n vmovdqa64 %%zmm4, %%zmm16\n vmovdqa64 %%zmm5, %%zmm17\n" \
    "vmovdqa64 %%zmm6, %%zmm18\n vmovdqa64 %%zmm7, %%zmm19\n"
#define CHAIN10(I) I I I I I I I I I I

int main(void) {
    double best = 0;
    for (int run = 0; run < 3; run++) {
        double c = cycle();
        best = 1e-9 / c > best ? 1e-9 / c : best;
        double add = TIME(X12(ADD)), tern = TIME(X12(TERN)), ror = TIME(X12(ROR)), srl = TIME(X12(SRL));
        double mix = TIME(MIX), moves = TIME(X12(ADD) MOVES);
        double add_lat = TIME(CHAIN10("vpaddd %%zmm20, %%zmm0, %%zmm0\n")) / 10;
        double ror_lat = TIME(CHAIN10("vprord $7, %%zmm0, %%zmm0\n")) / 10;
        double tern_lat = TIME(CHAIN10("vpternlogd $0x96, %%zmm20, %%zmm21, %%zmm0\n")) / 10;
        printf("clock %.2f GHz | per cycle: vpaddd %.2f, vpternlogd %.2f, vprord %.2f, vpsrld %.2f, mix (1 shift : 2 other) %.2f"
               " | latency: vpaddd %.2f, vprord %.2f, vpternlogd %.2f cycles | 8 zmm moves add %.2f cycles to 12 vpaddd\n",
               1e-9 / c, 12 * c / add, 12 * c / tern, 12 * c / ror, 12 * c / srl, 12 * c / mix,
               add_lat / c, ror_lat / c, tern_lat / c, (moves - add) / c);
    }
    printf("clock_ghz=%.2f\n", best);
    return 0;
}
