package org.microblog.domain.user;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A user's email address, wherever it is checked (the entity, AccountService, the registration page): required,
 * an address by Bean Validation's {@code @Email}, at most {@value User#EMAIL_MAX} characters. Each rule broken
 * reports its own message. As for {@link Username}, a page's label says {@code indicateRequired="true"}.
 */
@NotBlank(message = "{microblog.user.email.required}")
@Email(message = "{microblog.user.email.invalid}")
@Size(max = User.EMAIL_MAX, message = "{microblog.user.email.size}")
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface EmailAddress {

    /** Not used: each rule reports its own message. */
    String message() default "{microblog.user.email.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
