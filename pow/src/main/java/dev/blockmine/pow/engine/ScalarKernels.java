package dev.blockmine.pow.engine;

/** Plain int arithmetic: works on every JVM. */
final class ScalarKernels implements Kernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public TailKernel tail(SlotDigits slots) {
        return new ScalarTailKernel(slots);
    }

    @Override
    public NonceKernel nonce(NonceJob job) {
        return new ScalarNonceKernel(job);
    }
}
