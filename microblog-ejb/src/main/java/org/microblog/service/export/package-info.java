/**
 * "Export my posts": {@link ExportService} starts, resumes and cleans up exports; the batch job {@code post-export}
 * ({@code META-INF/batch-jobs/post-export.xml}) writes one, a chunk of posts at a time ({@link ExportReader}, {@link
 * ExportProcessor}, {@link ExportWriter}, {@link ExportFinisher}, {@link ExportJobListener}); {@link ExportRecords}
 * holds every transaction on its rows and {@link ExportJson} the file's format.
 *
 * <p>May use {@code domain.export}, {@code domain.post}, {@code domain.user}, JPA, Jakarta Batch, JSON-P, {@code
 * service.timeline} (the posts, newest first) and {@code service.notification}.
 */
package org.microblog.service.export;
