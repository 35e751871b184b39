package org.microblog.domain.message;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.microblog.domain.text.Text;

/**
 * The text of a private message, wherever it is checked (the entity, MessageService, the conversation page):
 * required, at most {@value Message#BODY_MAX} characters counted as code points, no control characters but line feed
 * and tab (the rules of posts, see {@link Text}).
 */
@Text(
        max = Message.BODY_MAX,
        required = true,
        message = "{microblog.message.body.size}",
        blankMessage = "{microblog.message.body.required}")
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface MessageBody {

    /** Not used: each rule of {@link Text} reports its own message. */
    String message() default "{microblog.message.body.size}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
