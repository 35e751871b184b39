package org.microblog.domain.export;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One post as an export wrote it: its JSON object, at its {@link #getOrdinal() ordinal} in the file (1 for the
 * newest). The key is the export and the post, so that a post can be in an export only once, whatever a restarted
 * job does; the download reads the rows by ordinal.
 */
@Entity
@Table(name = "post_export_items")
@IdClass(ExportedPost.Key.class)
@Cacheable(false)
public class ExportedPost {

    /**
     * The longest JSON of one post, in characters: a post's 140 code points are at most 280 characters, 840 if every
     * one were a control character that JSON writes as {@code \\u0000}, plus its id and time.
     */
    public static final int JSON_MAX = 2000;

    @Id
    @Column(name = "export_id", nullable = false, updatable = false)
    private long exportId;

    @Id
    @Column(name = "post_id", nullable = false, updatable = false)
    private long postId;

    @Column(name = "ordinal", nullable = false, updatable = false)
    private int ordinal;

    @Column(name = "post_json", nullable = false, updatable = false, length = JSON_MAX)
    private String json;

    protected ExportedPost() {
        // for JPA
    }

    /** Post {@code postId} as the {@code ordinal}th post of export {@code exportId}, written as {@code json}. */
    public ExportedPost(long exportId, long postId, int ordinal, String json) {
        if (ordinal < 1) {
            throw new IllegalArgumentException("Ordinals start at 1, not " + ordinal);
        }
        Objects.requireNonNull(json, "json");
        if (json.length() > JSON_MAX) {
            throw new IllegalArgumentException("A post's JSON of " + json.length() + " characters");
        }
        this.exportId = exportId;
        this.postId = postId;
        this.ordinal = ordinal;
        this.json = json;
    }

    public long getExportId() {
        return exportId;
    }

    public long getPostId() {
        return postId;
    }

    public int getOrdinal() {
        return ordinal;
    }

    public String getJson() {
        return json;
    }

    @Override
    public String toString() {
        return "ExportedPost[" + exportId + ", post " + postId + " at " + ordinal + "]";
    }

    /** The key: the export and the post. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private long exportId;
        private long postId;

        public Key() {
            // for JPA
        }

        public Key(long exportId, long postId) {
            this.exportId = exportId;
            this.postId = postId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && exportId == other.exportId && postId == other.postId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(exportId, postId);
        }
    }
}
