package org.microblog.it.web;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Walks the site as one client (a visitor, or someone signed in) from a few addresses, following every link to a
 * page of this site, and collects every form on the pages it opens, with each way of sending it: each of its submit
 * buttons, with the parameters that PrimeFaces' script adds to a button's AJAX request. Nothing here knows which
 * pages or forms exist, so a new page or form is found without anyone listing it.
 *
 * <p>Pages of one shape (the same first and last path segment and the same query parameter names, such as
 * {@code /user/ann} and {@code /user/bob}) are opened at most {@code perShape} times, so that a site of many
 * people is walked in a bounded time; the addresses to start from, always opened, bring in the people whose pages
 * show a particular state.
 */
final class Crawler {

    /** Resources and images: no forms there. */
    private static final List<String> SKIPPED = List.of("/jakarta.faces.resource/", "/avatars/", "/it-probe/");

    /** A PrimeFaces AJAX call as its script registers it on a button: {@code PrimeFaces.ab({s:"user:follow",...})}. */
    private static final Pattern AJAX_CALL = Pattern.compile("PrimeFaces\\.ab\\(\\{(.*?)\\}\\);");

    private static final Pattern STRING_ENTRY = Pattern.compile("(\\w+):\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PARAMETERS = Pattern.compile("pa:\\[(.*?)\\]");
    private static final Pattern PARAMETER = Pattern.compile("\\{name:\"([^\"]*)\",value:\"([^\"]*)\"\\}");

    /** How a button sends its form by AJAX: what to execute and render, and its own parameters. */
    record Ajax(String source, String execute, String render, Map<String, String> parameters) {}

    /**
     * One way to send one form: its fields as the page holds them, the button pressed (empty for a form without a
     * named button), its parameters, and how it goes by AJAX if it does.
     */
    record Submission(
            URI page,
            String form,
            String button,
            URI action,
            String method,
            Map<String, String> fields,
            Optional<Ajax> ajax) {

        /** Whether the form says GET (a search box): a navigation, which another site may link to as well. */
        boolean isGetForm() {
            return method.equals("get");
        }

        /**
         * The form and the button, {@code user:follow}; the form alone when it has no named button. The numbered
         * rows of a list are left out: the Follow button of any row of a list is {@code user:follow}.
         */
        String name() {
            return (button.isEmpty() ? form : button).replaceAll(":(j_idt\\d+|\\d+)(?=:)", "");
        }
    }

    /** What one walk found. */
    record Found(List<URI> pages, List<Submission> submissions) {

        Set<String> names() {
            Set<String> names = new TreeSet<>();
            submissions.forEach(s -> names.add(s.name()));
            return names;
        }
    }

    private Crawler() {}

    static Found walk(WebClient client, List<String> startAt, int perShape, int maxPages) {
        Deque<URI> queue = new ArrayDeque<>();
        startAt.forEach(path -> queue.add(client.uri(path)));
        Set<URI> seen = new HashSet<>(queue);
        Set<URI> starts = Set.copyOf(queue);
        Map<String, Integer> shapes = new HashMap<>();
        List<URI> pages = new ArrayList<>();
        Map<String, Submission> submissions = new LinkedHashMap<>();
        URI root = client.uri("");
        while (!queue.isEmpty() && pages.size() < maxPages) {
            URI next = queue.poll();
            if (!starts.contains(next) && shapes.merge(shape(root.relativize(next)), 1, Integer::sum) > perShape) {
                continue;
            }
            WebClient.Page page = client.follow(client.get(next.toString()));
            pages.add(page.uri());
            Document document = page.document();
            for (Submission submission : submissions(page, document)) {
                submissions.putIfAbsent(
                        submission.name() + " " + shape(submission.action()) + " "
                                + submission.ajax().isPresent(),
                        submission);
            }
            for (Element link : document.select("a[href]")) {
                URI target = withoutFragment(URI.create(link.absUrl("href")));
                if (isPageOfThisSite(target, root) && seen.add(target)) {
                    queue.add(target);
                }
            }
        }
        return new Found(pages, List.copyOf(submissions.values()));
    }

    private static List<Submission> submissions(WebClient.Page page, Document document) {
        Map<String, Ajax> ajax = ajaxCalls(document);
        List<Submission> found = new ArrayList<>();
        for (Element form : document.select("form")) {
            String formId = form.id().isEmpty() ? form.attr("name") : form.id();
            Map<String, String> fields = WebClient.fields(page, form, Map.of());
            URI action = URI.create(form.absUrl("action").isEmpty() ? page.uri().toString() : form.absUrl("action"));
            String method =
                    form.attr("method").isEmpty() ? "get" : form.attr("method").toLowerCase(Locale.ROOT);
            List<Element> buttons = form.select("button[name], input[type=submit][name]");
            if (buttons.isEmpty()) {
                found.add(new Submission(page.uri(), formId, "", action, method, fields, Optional.empty()));
            }
            for (Element button : buttons) {
                String name = button.attr("name");
                Map<String, String> sent = new LinkedHashMap<>(fields);
                sent.put(name, button.attr("value"));
                Optional<Ajax> call = Optional.ofNullable(ajax.get(button.id()));
                call.ifPresent(c -> sent.putAll(c.parameters()));
                found.add(new Submission(page.uri(), formId, name, action, method, sent, call));
            }
        }
        return found;
    }

    /** The AJAX calls that the page's scripts register, by the id of the button that makes them. */
    private static Map<String, Ajax> ajaxCalls(Document document) {
        Map<String, Ajax> calls = new HashMap<>();
        for (Element script : document.select("script")) {
            Matcher call = AJAX_CALL.matcher(script.data());
            while (call.find()) {
                Map<String, String> entries = new HashMap<>();
                Matcher entry = STRING_ENTRY.matcher(call.group(1));
                while (entry.find()) {
                    entries.put(entry.group(1), entry.group(2));
                }
                Map<String, String> parameters = new LinkedHashMap<>();
                Matcher list = PARAMETERS.matcher(call.group(1));
                if (list.find()) {
                    Matcher parameter = PARAMETER.matcher(list.group(1));
                    while (parameter.find()) {
                        parameters.put(parameter.group(1), parameter.group(2));
                    }
                }
                String source = entries.get("s");
                if (source != null) {
                    calls.put(
                            source,
                            new Ajax(
                                    source,
                                    entries.getOrDefault("p", source),
                                    entries.getOrDefault("u", "@none"),
                                    parameters));
                }
            }
        }
        return calls;
    }

    private static boolean isPageOfThisSite(URI target, URI root) {
        return "http".equals(target.getScheme())
                && root.getAuthority().equals(target.getAuthority())
                && target.getPath().startsWith(root.getPath())
                && SKIPPED.stream().noneMatch(target.getPath()::contains);
    }

    /** {@code user/ann/followers?page=2}, relative to the site's root, is {@code user…followers?page}. */
    private static String shape(URI relative) {
        String[] segments = relative.getPath().replaceAll("^/+|/+$", "").split("/+");
        String last = segments.length > 2 ? "…" + segments[segments.length - 1] : "";
        Set<String> parameters = new TreeSet<>();
        if (relative.getRawQuery() != null) {
            for (String pair : relative.getRawQuery().split("&")) {
                parameters.add(pair.split("=", 2)[0]);
            }
        }
        return segments[0] + last + "?" + String.join("&", parameters);
    }

    private static URI withoutFragment(URI uri) {
        return URI.create(uri.toString().replaceFirst("#.*$", ""));
    }
}
