package dev.blockmine.node;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A node that cannot start because of a setting says so in one line: the setting, the value it was given and the rule
 * it breaks ({@code node.tcp.zero-bits=8: a binary block needs at least ...}), for a rule of one setting, a rule
 * between settings ({@link NodeProperties#validate}), a value that cannot be read, or a value found wrong later
 * ({@link InvalidConfigurationPropertyValueException}). It goes before Boot's own analyzers, whose reports take a
 * dozen lines; {@link OneLineFailureReporter} prints it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class StartFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        BindValidationException invalid = cause(failure, BindValidationException.class);
        if (invalid != null) {
            return analysis(describe(invalid.getValidationErrors()), failure);
        }
        InvalidConfigurationPropertyValueException wrong = cause(failure, InvalidConfigurationPropertyValueException.class);
        if (wrong != null) {
            return analysis(wrong.getName() + "=" + wrong.getValue() + ": " + wrong.getReason(), failure);
        }
        BindException unreadable = cause(failure, BindException.class);
        if (unreadable != null && unreadable.getProperty() != null) {
            Throwable root = unreadable;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            Class<?> type = unreadable.getTarget().getType().resolve(Object.class);
            String expected = type.isEnum()
                    ? "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()
                            .toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    : "cannot be read as " + type.getSimpleName() + " (" + root.getMessage() + ")";
            return analysis(unreadable.getProperty().getName() + "=" + unreadable.getProperty().getValue() + ": "
                    + expected, failure);
        }
        return null;
    }

    private static String describe(ValidationErrors errors) {
        List<ObjectError> all = errors.getAllErrors();
        return all.stream().map(error -> error instanceof FieldError field
                ? errors.getName() + "." + dashed(field.getField()) + "=" + field.getRejectedValue() + ": "
                        + field.getDefaultMessage()
                : errors.getName() + ": " + error.getDefaultMessage()).collect(Collectors.joining("; "));
    }

    /** {@code tcp.zeroBits} as it is written in the settings: {@code tcp.zero-bits}. */
    private static String dashed(String field) {
        return DataObjectPropertyName.toDashedForm(field);
    }

    private static FailureAnalysis analysis(String description, Throwable failure) {
        return new FailureAnalysis(description, "", failure);
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
