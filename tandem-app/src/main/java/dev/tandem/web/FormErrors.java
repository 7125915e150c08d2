package dev.tandem.web;

import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.validation.BindingResult;

import java.util.Set;

/**
 * Puts the domain's verdict on a form next to the fields it concerns. Forms hold lists as text (tags,
 * links, dependencies), so a problem with {@code tags[2]} or {@code links[0].url} belongs to the
 * {@code tags} or {@code links} field; problems with fields the form does not show become global errors.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** Checks a draft made from a form against the draft's own constraints, the same ones the API applies. */
    public static void validate(Validator validator, Object draft, BindingResult result) {
        Set<? extends ConstraintViolation<?>> violations = validator.validate(draft);
        for (ConstraintViolation<?> v : violations) {
            String path = v.getPropertyPath().toString();
            String message = v.getMessage();
            if (isElement(path) && v.getInvalidValue() instanceof String value && !value.isBlank()) {
                message = "'" + value + "': " + message;
            }
            reject(result, path, message);
        }
    }

    public static void reject(BindingResult result, InvalidInputException e) {
        for (FieldProblem problem : e.problems()) {
            reject(result, problem.field(), problem.message());
        }
    }

    public static void reject(BindingResult result, String path, String message) {
        String field = formField(path);
        if (field != null && result.getTarget() != null && isField(result, field)) {
            if (!alreadySaid(result, field, message)) {
                result.rejectValue(field, "invalid", message);
            }
        } else {
            result.reject("invalid", path == null || path.isBlank() ? message : path + ": " + message);
        }
    }

    private static boolean alreadySaid(BindingResult result, String field, String message) {
        return result.getFieldErrors(field).stream().anyMatch(e -> message.equals(e.getDefaultMessage()));
    }

    private static boolean isElement(String path) {
        return path.contains("[");
    }

    static String formField(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        int cut = path.length();
        int bracket = path.indexOf('[');
        int dot = path.indexOf('.');
        if (bracket >= 0) {
            cut = Math.min(cut, bracket);
        }
        if (dot >= 0) {
            cut = Math.min(cut, dot);
        }
        return path.substring(0, cut);
    }

    private static boolean isField(BindingResult result, String field) {
        try {
            return result.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
