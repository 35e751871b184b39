package org.microblog.domain.post;

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
 * The body of a post, wherever it is checked (the entity, PostService, the home page): required, at most
 * {@value Post#BODY_MAX} characters counted as code points, no control characters but line feed and tab (see
 * {@link Text}).
 */
@Text(
        max = Post.BODY_MAX,
        required = true,
        message = "{microblog.post.body.size}",
        blankMessage = "{microblog.post.body.required}")
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface PostBody {

    /** Not used: each rule of {@link Text} reports its own message. */
    String message() default "{microblog.post.body.size}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
