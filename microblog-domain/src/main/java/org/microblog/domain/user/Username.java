package org.microblog.domain.user;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A username, wherever it is checked (the entity, AccountService, the registration and profile pages): required,
 * at most {@value User#USERNAME_MAX} characters, letters, digits, '_', '.' and '-' and not starting with '.' or '-'
 * ({@link User#USERNAME_PATTERN}), so that it is safe in {@code /user/{name}} addresses. Each rule broken reports
 * its own message.
 *
 * <p>PrimeFaces marks a label as required only for a {@code @NotBlank} written on the field itself, not for one
 * inside this constraint: a page's label for a username says {@code indicateRequired="true"}.
 */
@NotBlank(message = "{microblog.user.username.required}")
@Size(max = User.USERNAME_MAX, message = "{microblog.user.username.size}")
@Pattern(regexp = User.USERNAME_PATTERN, message = "{microblog.user.username.pattern}")
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface Username {

    /** Not used: each rule reports its own message. */
    String message() default "{microblog.user.username.pattern}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
