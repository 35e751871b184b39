package org.microblog.domain.text;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text that people write, checked by the rules of {@link TextRules}: at most {@link #max()} characters counted
 * as Unicode code points (an emoji is one; a letter with a combining accent is two, and a sequence joined with
 * zero-width joiners is as many as the code points in it), no control character other than line feed and tab,
 * and, if {@link #required()}, not blank to a person (white space of every kind, zero-width and control
 * characters alone are blank). Null is valid unless required. Each rule has its own message; {@code {max}} may
 * be used in them.
 *
 * <p>Put on a field it is usually wrapped in a constraint named after the field ({@code @PostBody},
 * {@code @AboutMe}), so that entity, service and page check the same rules with the same messages.
 */
@Documented
@Constraint(validatedBy = TextValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface Text {

    /** The message when the text is too long. */
    String message() default "{microblog.text.size}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The most characters (code points) the text may hold. */
    int max();

    /** Whether blank text (null included) is refused; otherwise it is valid, and means none. */
    boolean required() default false;

    /** The message when the text is required but blank. */
    String blankMessage() default "{microblog.text.required}";

    /** The message when the text holds a refused control character. */
    String controlMessage() default "{microblog.text.control}";
}
