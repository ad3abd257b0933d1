package coaching.ledger.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of an offline command: options naming files ({@code --name FILE} or {@code --name=FILE}), the
 * plain arguments, and the rest ({@code --spring...} settings) handed on unchanged. Small enough that a
 * command-line library would be more than it is.
 */
record CommandLine(Map<String, String> options, List<String> plain, List<String> rest) {

    static CommandLine of(String[] args, String... fileOptions) {
        Set<String> known = Set.of(fileOptions);
        Map<String, String> options = new HashMap<>();
        List<String> plain = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (known.contains(name)) {
                if (equals >= 0) {
                    options.put(name, arg.substring(equals + 1));
                } else if (i + 1 < args.length) {
                    options.put(name, args[++i]);
                } else {
                    throw new IllegalArgumentException(name + " needs a file");
                }
            } else if (arg.startsWith("--")) {
                rest.add(arg);
            } else {
                plain.add(arg);
            }
        }
        return new CommandLine(options, plain, rest);
    }

    /** Far above any key, checkpoint or receipt; a bigger file is none of them and is not read whole. */
    private static final long MAX_FILE_BYTES = 4L << 20;

    /** The text of the file the option names, if it was given. */
    Optional<String> file(String option) {
        return Optional.ofNullable(options.get(option)).map(CommandLine::read);
    }

    /**
     * The file as UTF-8 text (keys, checkpoints and receipts are text, so anything else is unreadable).
     *
     * @throws UncheckedIOException naming the file and why
     */
    static String read(String file) {
        Path path = Path.of(file);
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notText) {
            throw new UncheckedIOException("cannot read " + file + ": not UTF-8 text", notText);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
