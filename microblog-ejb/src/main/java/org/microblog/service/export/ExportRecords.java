package org.microblog.service.export;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;
import org.microblog.domain.export.ExportedPost;
import org.microblog.domain.export.ExportedPost_;
import org.microblog.domain.export.PostExport;
import org.microblog.domain.export.PostExport_;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.Post_;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.domain.user.User;
import org.microblog.service.account.UserNotFoundException;
import org.microblog.service.notification.NotificationService;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.TimelineService;

/**
 * Every transaction on an export's rows, for ExportService and for the batch job's steps.
 *
 * <p>The job's steps write in transactions of their own ({@code REQUIRES_NEW}), not in the chunk transaction that
 * the batch runtime begins: that one holds the runtime's connection to its job repository, a data source of the
 * server's, and a transaction can hold only one resource that is not XA (Payara refuses the second: "Local
 * transaction already has 1 non-XA Resource"). This is safe because a run goes on from the export's cursor, which
 * {@link #append} moves in the transaction that writes the chunk's posts, never from the runtime's checkpoint.
 */
@Stateless
public class ExportRecords {

    private static final Logger LOG = Logger.getLogger(ExportRecords.class.getName());

    /** How many posts' JSON the download reads at a time. */
    static final int READ_PAGE = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    NotificationService notifications;

    @Inject
    TimelineService timeline;

    Clock clock = Clock.systemUTC();

    /**
     * A new running export of {@code ownerId}'s posts, replacing a finished or failed one. The owner's row is locked
     * first, so two starts at once run one after the other and the second is refused.
     *
     * @throws ExportRunningException if one is running
     * @throws UserNotFoundException if there is no such user
     */
    public PostExport create(long ownerId) {
        User owner = em.find(User.class, ownerId, LockModeType.PESSIMISTIC_WRITE);
        if (owner == null) {
            throw new UserNotFoundException("#" + ownerId);
        }
        Optional<PostExport> last = findByOwner(ownerId);
        if (last.isPresent()) {
            if (last.get().isRunning()) {
                throw new ExportRunningException();
            }
            delete(last.get().getId());
        }
        // as the databases keep it (PostgreSQL to the microsecond): the count and the job's first page agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PostExport export = new PostExport(ownerId, ExportJson.account(owner), countPostsBefore(ownerId, now), now);
        em.persist(export);
        em.flush();
        return export;
    }

    /**
     * The page of the owner's posts that follows {@code cursor}, newest first, {@link ExportJob#CHUNK} at most, read
     * outside the batch runtime's chunk transaction (see the class comment).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PostPage postsAfter(long ownerId, TimelineCursor cursor) {
        return timeline.byAuthor(ownerId, Optional.of(cursor), ExportJob.CHUNK);
    }

    /** The person's export (running, finished or failed), if they have one. */
    public Optional<PostExport> findByOwner(long ownerId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<PostExport> query = cb.createQuery(PostExport.class);
        Root<PostExport> export = query.from(PostExport.class);
        query.select(export).where(cb.equal(export.get(PostExport_.ownerId), ownerId));
        return em.createQuery(query).getResultStream().findFirst();
    }

    /** Export {@code exportId}, read outside any transaction of the caller's (the job's reader calls it). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<PostExport> find(long exportId) {
        return Optional.ofNullable(em.find(PostExport.class, exportId));
    }

    /**
     * Writes a chunk of posts as the next ones of the file, for run {@code run} of the job, and moves the cursor past
     * them; in the chunk's transaction.
     *
     * @throws IllegalStateException if the export is not running or another run has taken it over
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void append(long exportId, int run, List<PostJson> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        PostExport export = find(exportId).orElseThrow(() -> new IllegalStateException("No export " + exportId));
        int ordinal = export.getPostsDone();
        for (PostJson post : chunk) {
            em.persist(new ExportedPost(exportId, post.postId(), ++ordinal, post.json()));
        }
        export.wrote(run, chunk.size(), chunk.getLast().cursor(), clock.instant());
    }

    /**
     * Run {@code run} has written every post: the export is finished and its owner told, once.
     *
     * @throws IllegalStateException if another run has taken it over
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long exportId, int run) {
        find(exportId).ifPresent(export -> {
            if (export.finish(run, clock.instant())) {
                notifications.tellExportReady(export.getOwnerId());
                Duration took = Duration.between(
                        export.getCreatedAt(), export.getFinishedAt().orElseThrow());
                LOG.info(() -> "Export " + exportId + " finished in " + took.toMillis() + " ms, posts: "
                        + export.getPostsDone() + " (run " + run + ")");
            }
        });
    }

    /** Run {@code run} failed: so is the export, unless another run has taken it over. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(long exportId, int run) {
        find(exportId).ifPresent(export -> export.fail(run, clock.instant()));
    }

    /** The running exports that have not moved for {@code quiet}: their jobs have died (or were stopped). */
    public List<Long> stalled(Duration quiet) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<PostExport> export = query.from(PostExport.class);
        query.select(export.get(PostExport_.id))
                .where(
                        cb.equal(export.get(PostExport_.state), PostExport.State.RUNNING),
                        cb.lessThanOrEqualTo(
                                export.get(PostExport_.updatedAt),
                                clock.instant().minus(quiet)));
        return em.createQuery(query).getResultList();
    }

    /**
     * Hands a stalled export to a new run of the job; empty if it is not stalled (any more). Two instances that try at
     * once: the version check lets one commit, the other's transaction fails.
     */
    public OptionalInt resume(long exportId, Duration quiet) {
        return find(exportId)
                .filter(export -> export.isStalled(clock.instant(), quiet))
                .map(export -> OptionalInt.of(export.resume(clock.instant())))
                .orElse(OptionalInt.empty());
    }

    /** Deletes the exports kept until before now (see {@link PostExport#getKeptUntil()}), with their posts. */
    public int deleteExpired() {
        Instant cutoff = clock.instant().minus(PostExport.KEPT);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaDelete<ExportedPost> items = cb.createCriteriaDelete(ExportedPost.class);
        Root<ExportedPost> item = items.from(ExportedPost.class);
        Subquery<Long> expired = items.subquery(Long.class);
        Root<PostExport> old = expired.from(PostExport.class);
        expired.select(old.get(PostExport_.id)).where(cb.lessThan(old.get(PostExport_.updatedAt), cutoff));
        items.where(item.get(ExportedPost_.exportId).in(expired));
        em.createQuery(items).executeUpdate();
        CriteriaDelete<PostExport> exports = cb.createCriteriaDelete(PostExport.class);
        Root<PostExport> export = exports.from(PostExport.class);
        exports.where(cb.lessThan(export.get(PostExport_.updatedAt), cutoff));
        return em.createQuery(exports).executeUpdate();
    }

    /**
     * The posts' JSON of a finished export, in the file's order, read {@value #READ_PAGE} at a time as the iterator is
     * used, in the caller's transaction.
     */
    public Iterator<String> postsOf(PostExport export) {
        return new Iterator<>() {
            private List<String> page = List.of();
            private int index;
            private int after;

            @Override
            public boolean hasNext() {
                if (index == page.size() && after < export.getPostsDone()) {
                    page = page(export.getId(), after);
                    index = 0;
                    after += page.size();
                }
                return index < page.size();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(index++);
            }
        };
    }

    private List<String> page(long exportId, int afterOrdinal) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<String> query = cb.createQuery(String.class);
        Root<ExportedPost> item = query.from(ExportedPost.class);
        query.select(item.get(ExportedPost_.json))
                .where(
                        cb.equal(item.get(ExportedPost_.exportId), exportId),
                        cb.greaterThan(item.get(ExportedPost_.ordinal), afterOrdinal))
                .orderBy(cb.asc(item.get(ExportedPost_.ordinal)));
        return new ArrayList<>(em.createQuery(query).setMaxResults(READ_PAGE).getResultList());
    }

    private int countPostsBefore(long ownerId, Instant now) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Post> post = query.from(Post.class);
        query.select(cb.count(post))
                .where(cb.equal(post.get(Post_.authorId), ownerId), cb.lessThan(post.get(Post_.timestamp), now));
        return Math.toIntExact(em.createQuery(query).getSingleResult());
    }

    private void delete(long exportId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaDelete<ExportedPost> items = cb.createCriteriaDelete(ExportedPost.class);
        Root<ExportedPost> item = items.from(ExportedPost.class);
        items.where(cb.equal(item.get(ExportedPost_.exportId), exportId));
        em.createQuery(items).executeUpdate();
        em.remove(em.find(PostExport.class, exportId));
        em.flush();
    }
}
