package coaching.ledger.deployment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of every Markdown file in the repository (README.md, docs/, bench/README.md, ...) leads to
 * a file inside the repository, and every {@code #anchor} to a heading of its target, named as GitHub names
 * headings. External links (http, https, mailto) are not fetched.
 */
class DocumentationLinksTest {

    /** An inline link or image, {@code [text](destination "title")}, or a reference definition {@code [x]: destination}. */
    private static final Pattern INLINE_LINK =
            Pattern.compile("!?\\[[^\\]]*]\\(\\s*(<[^>]*>|[^)\\s]*)(?:\\s+\"[^\"]*\")?\\s*\\)");

    private static final Pattern REFERENCE_DEFINITION =
            Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*(\\S+)", Pattern.MULTILINE);
    private static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    private final Path root = repositoryRoot();

    @Test
    void everyRelativeLinkAndAnchorResolvesInsideTheRepository() throws IOException {
        List<Path> documents = markdownFiles();
        assertThat(documents).as("Markdown files under " + root).contains(root.resolve("README.md"));

        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            for (String link : links(Files.readString(document))) {
                String problem = check(document, link);
                if (problem != null) {
                    broken.add(root.relativize(document) + ": (" + link + ") " + problem);
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void headingsAreNamedAsGitHubNamesThem() {
        assertThat(
                        anchors(
                                "# Engagement ledger\n## What each store guarantees\n### POST /api/v1/engagements/{engagementId}/updates\n"
                                        + "## `ledger.http.max-body-size` and *limits*\n## Limits\n## Limits\n```\n# not a heading\n```\n"))
                .containsExactlyInAnyOrder(
                        "engagement-ledger",
                        "what-each-store-guarantees",
                        "post-apiv1engagementsengagementidupdates",
                        "ledgerhttpmax-body-size-and-limits",
                        "limits",
                        "limits-1");
    }

    private String check(Path document, String link) throws IOException {
        if (EXTERNAL.matcher(link).find()) {
            return null;
        }
        int hash = link.indexOf('#');
        String file = hash < 0 ? link : link.substring(0, hash);
        String anchor = hash < 0 ? null : link.substring(hash + 1);
        Path target = file.isEmpty()
                ? document
                : file.startsWith("/")
                        ? root.resolve(file.substring(1)).normalize()
                        : document.getParent().resolve(file).normalize();
        if (!target.startsWith(root)) {
            return "leaves the repository";
        }
        if (!Files.exists(target)) {
            return "no such file " + root.relativize(target);
        }
        if (anchor != null
                && !anchor.isEmpty()
                && target.toString().endsWith(".md")
                && !anchors(Files.readString(target)).contains(anchor)) {
            return "no heading #" + anchor + " in " + root.relativize(target);
        }
        return null;
    }

    /** Every *.md file, except under build output (target/) and hidden folders (.git/, .idea/). */
    private List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".md") && Files.isRegularFile(path))
                    .filter(path -> {
                        for (Path folder : root.relativize(path.getParent())) {
                            if (folder.toString().equals("target")
                                    || folder.toString().startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        }
    }

    /** The link destinations of a document, outside fenced code blocks and inline code. */
    static List<String> links(String markdown) {
        List<String> links = new ArrayList<>();
        String prose = INLINE_CODE.matcher(withoutFencedCode(markdown)).replaceAll("");
        Matcher inline = INLINE_LINK.matcher(prose);
        while (inline.find()) {
            String destination = inline.group(1);
            links.add(destination.startsWith("<") ? destination.substring(1, destination.length() - 1) : destination);
        }
        Matcher reference = REFERENCE_DEFINITION.matcher(prose);
        while (reference.find()) {
            links.add(reference.group(1));
        }
        return links;
    }

    /** The anchors GitHub gives the headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : withoutFencedCode(markdown).split("\n")) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String text = heading.group(1)
                        .replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1")
                        .replace("`", "")
                        .replace("*", "");
                String slug = text.toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
                        .replace(' ', '-');
                int repeats = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
            }
        }
        return anchors;
    }

    /** The document with the lines of ``` and ~~~ fences blanked, so examples in code count as neither links nor headings. */
    private static String withoutFencedCode(String markdown) {
        StringBuilder prose = new StringBuilder();
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.stripLeading();
            if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                fence = trimmed.substring(0, 3);
                prose.append('\n');
            } else if (fence != null) {
                if (trimmed.startsWith(fence)) {
                    fence = null;
                }
                prose.append('\n');
            } else {
                prose.append(line).append('\n');
            }
        }
        return prose.toString();
    }

    /** Maven runs a module's tests in the module's directory: the root is the nearest parent aggregating modules. */
    private static Path repositoryRoot() {
        try {
            for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
                Path pom = directory.resolve("pom.xml");
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>")) {
                    return directory;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(
                "no aggregating pom.xml above " + Path.of("").toAbsolutePath());
    }
}
