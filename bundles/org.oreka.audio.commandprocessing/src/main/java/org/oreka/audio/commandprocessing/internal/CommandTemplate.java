package org.oreka.audio.commandprocessing.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code CommandProcessingCommand} split into an argument vector, with the {@code [IN]} and {@code [OUT]}
 * placeholders filled in per argument, so that a file name is always one argument and never read by a shell.
 *
 * <p>Words are split the way a shell splits them (blanks separate words; single quotes keep everything
 * literally; double quotes keep everything but {@code \"} and {@code \\}; a backslash outside quotes keeps the next
 * character), and nothing else a shell does happens: no variables, globs, command substitution, pipes or
 * redirections.
 */
final class CommandTemplate {

    /** Placeholder of the recording the command reads. */
    static final String IN = "[IN]";
    /** Placeholder of the file the command writes. */
    static final String OUT = "[OUT]";

    private final List<String> words;

    private CommandTemplate(List<String> words) {
        this.words = List.copyOf(words);
    }

    /**
     * Splits a command line into words.
     *
     * @throws IllegalArgumentException when a quote is not closed or the line ends with a lone backslash
     */
    static CommandTemplate parse(String commandLine) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        String line = commandLine == null ? "" : commandLine;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("a single quote is not closed");
                }
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 == line.length()) {
                    throw new IllegalArgumentException("the command ends with a lone backslash");
                }
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return new CommandTemplate(words);
    }

    /** Appends a double-quoted part starting at {@code start}; returns the index of its closing quote. */
    private static int doubleQuoted(String line, int start, StringBuilder word) {
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                c = line.charAt(++i);
            }
            word.append(c);
        }
        throw new IllegalArgumentException("a double quote is not closed");
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** The program the command runs (its first word). */
    String program() {
        return words.isEmpty() ? "" : words.get(0);
    }

    /** Whether some word contains {@code [OUT]}: the command writes a new file that replaces the recording. */
    boolean writesOutput() {
        return words.stream().anyMatch(w -> w.contains(OUT));
    }

    /**
     * The argument vector with {@code [IN]} and {@code [OUT]} replaced by {@code in} and {@code out}, in one
     * pass, so that a file name that itself contains a placeholder is kept as it is.
     */
    List<String> arguments(String in, String out) {
        List<String> arguments = new ArrayList<>(words.size());
        for (String word : words) {
            StringBuilder argument = new StringBuilder();
            int i = 0;
            while (i < word.length()) {
                if (word.startsWith(IN, i)) {
                    argument.append(in);
                    i += IN.length();
                } else if (word.startsWith(OUT, i)) {
                    argument.append(out);
                    i += OUT.length();
                } else {
                    argument.append(word.charAt(i++));
                }
            }
            arguments.add(argument.toString());
        }
        return arguments;
    }
}
