package org.microblog.domain.user;

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
 * A user's about-me, wherever it is checked (the entity, AccountService, the profile editor): optional (blank
 * means none), at most {@value User#ABOUT_ME_MAX} characters counted as code points, no control characters but
 * line feed and tab (see {@link Text}).
 */
@Text(max = User.ABOUT_ME_MAX, message = "{microblog.user.aboutMe.size}")
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface AboutMe {

    /** Not used: each rule of {@link Text} reports its own message. */
    String message() default "{microblog.user.aboutMe.size}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
