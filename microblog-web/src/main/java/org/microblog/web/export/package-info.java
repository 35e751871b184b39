/**
 * {@code /export}: how far the export of one's posts has got, and the download of the finished file ({@code
 * /exports/{id}}, its owner's only). The export is started on the profile editor ({@code web.editprofile}).
 */
package org.microblog.web.export;
