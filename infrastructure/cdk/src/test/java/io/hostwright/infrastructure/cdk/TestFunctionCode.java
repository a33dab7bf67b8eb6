package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.FunctionSpec;
import software.amazon.awscdk.services.lambda.Code;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * The reactor's jar where it exists (the full build packages functions before this module), else a placeholder jar,
 * so the module's tests also run on their own.
 */
final class TestFunctionCode {

    private TestFunctionCode() {
    }

    static FunctionCode builtJarsOrPlaceholders(Path placeholderDirectory) {
        Path root = RepositoryRoot.locate();
        return function -> {
            Path built = root.resolve(function.jarPath());
            Path jar = Files.isRegularFile(built) ? built : placeholder(placeholderDirectory, function);
            return Code.fromAsset(jar.toString());
        };
    }

    private static Path placeholder(Path directory, FunctionSpec function) {
        Path jar = directory.resolve(function.name() + ".jar");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, new Manifest())) {
            out.putNextEntry(new ZipEntry("placeholder.txt"));
            out.write(("placeholder for " + function.handler()).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
