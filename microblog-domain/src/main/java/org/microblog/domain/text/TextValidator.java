package org.microblog.domain.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Text} with {@link TextRules#check}, one message for the first rule broken. */
public class TextValidator implements ConstraintValidator<Text, CharSequence> {

    private Text constraint;

    @Override
    public void initialize(Text constraint) {
        this.constraint = constraint;
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return TextRules.check(value, constraint.max(), constraint.required())
                .map(refusal -> {
                    String template =
                            switch (refusal) {
                                case TOO_LONG -> constraint.message();
                                case CONTROL_CHARACTER -> constraint.controlMessage();
                                case BLANK -> constraint.blankMessage();
                            };
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate(template).addConstraintViolation();
                    return false;
                })
                .orElse(true);
    }
}
