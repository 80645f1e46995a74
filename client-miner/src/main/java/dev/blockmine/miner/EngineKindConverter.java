package dev.blockmine.miner;

import java.util.Locale;

import dev.blockmine.pow.engine.EngineKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --engine auto|vector|scalar|digest}, in any case. */
final class EngineKindConverter implements ITypeConverter<EngineKind> {

    @Override
    public EngineKind convert(String value) {
        try {
            return EngineKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not an engine: use auto, vector, scalar or digest");
        }
    }
}
