package dev.blockmine.pow;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that round-trips, written the way CPython writes it
 * ({@code 1e+16}, {@code 1e-05}, {@code 0.0001}, {@code 1000000000000000.0}, {@code -0.0}).
 */
public final class PythonFloat {

    private PythonFloat() {
    }

    /** {@code repr(x)} for a finite double. */
    public static String repr(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("not finite: " + x);
        }
        if (x == 0.0) {
            return Double.doubleToRawLongBits(x) < 0 ? "-0.0" : "0.0";
        }
        // Since JDK 19 Double.toString gives the shortest round-tripping digits, except that it may prefer a
        // closer 2-digit decimal where 1 digit would do (e.g. 4.9E-324); Python always takes the shortest.
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
        if (shortest.precision() == 2) {
            BigDecimal oneDigit = shortest.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(oneDigit.toString()) == Math.abs(x)) {
                shortest = oneDigit.stripTrailingZeros();
            }
        }
        String digits = shortest.unscaledValue().toString();
        int decpt = digits.length() - shortest.scale(); // x = 0.digits * 10^decpt
        StringBuilder out = new StringBuilder(24);
        if (x < 0) {
            out.append('-');
        }
        if (decpt <= -4 || decpt > 16) { // CPython's format_float_short, mode 'r'
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            out.append('e').append(exp < 0 ? '-' : '+');
            if (Math.abs(exp) < 10) {
                out.append('0');
            }
            out.append(Math.abs(exp));
        } else if (decpt <= 0) {
            out.append("0.").repeat('0', -decpt).append(digits);
        } else if (decpt >= digits.length()) {
            out.append(digits).repeat('0', decpt - digits.length()).append(".0");
        } else {
            out.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return out.toString();
    }
}
