package org.microblog.domain.user;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * The part of {@link NewPassword} that its composing constraints do not check: enough different characters. A
 * password that is blank or of the wrong length already has its message, and gets no second one from here.
 */
public class NewPasswordValidator implements ConstraintValidator<NewPassword, CharSequence> {

    @Override
    public boolean isValid(CharSequence password, ConstraintValidatorContext context) {
        if (password == null
                || password.toString().isBlank()
                || password.length() < PasswordRules.MIN_LENGTH
                || password.length() > PasswordRules.MAX_LENGTH) {
            return true;
        }
        return PasswordRules.hasEnoughDifferentCharacters(password);
    }
}
