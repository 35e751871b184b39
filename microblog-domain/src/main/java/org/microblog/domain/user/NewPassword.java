package org.microblog.domain.user;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A password someone chooses, wherever it is checked (AccountService's register and changePassword, the
 * registration and change-password pages): required, {@value PasswordRules#MIN_LENGTH} to {@value
 * PasswordRules#MAX_LENGTH} characters, and at least {@value PasswordRules#DIFFERENT_CHARACTERS_MIN} different
 * characters ({@link PasswordRules}). Each rule broken reports its own message.
 *
 * <p>The rest of the rule needs the account: a password must not contain its username nor be its email ({@link
 * PasswordRules#givesAway}). AccountService refuses such a password too, and the pages check it first to show the
 * message on the field. As for {@link Username}, a page's label says {@code indicateRequired="true"}.
 */
@NotBlank(message = "{microblog.password.required}")
@Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_LENGTH, message = "{microblog.password.size}")
@Documented
@Constraint(validatedBy = NewPasswordValidator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface NewPassword {

    /** The message when the password has too few different characters; the other rules have their own. */
    String message() default "{microblog.password.weak}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
