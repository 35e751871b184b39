/**
 * The rules for text that people write (TextRules: length in code points, no control characters), and the
 * Bean Validation constraint that applies them (Text, TextValidator), shared by posts and about-me.
 *
 * <p>May use Bean Validation and the JDK only: no entity, no other package of Microblog.
 */
package org.microblog.domain.text;
