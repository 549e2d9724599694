package io.trent.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the files commands are given, and their one-line errors instead of stack traces. */
final class Inputs {
    /** Exit status for a file that cannot be read (picocli uses the same for usage errors). */
    static final int UNREADABLE = 2;

    private Inputs() {}

    /** The file's text, or null after printing why it cannot be read. */
    static String read(CommandSpec spec, Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return fail(spec, file, "no such file");
        } catch (CharacterCodingException e) {
            return fail(spec, file, "not UTF-8 text");
        } catch (IOException e) {
            return fail(spec, file, e.getMessage());
        }
    }

    /** Prints "trent COMMAND: {@code message}" to standard error; returns {@link #UNREADABLE}. */
    static int error(CommandSpec spec, String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        return UNREADABLE;
    }

    private static String fail(CommandSpec spec, Path file, String why) {
        error(spec, "cannot read " + file + ": " + why);
        return null;
    }
}
