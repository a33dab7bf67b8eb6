package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.FunctionSpec;
import software.amazon.awscdk.services.lambda.Code;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where a function's deployment package comes from; tests substitute placeholder jars. */
@FunctionalInterface
public interface FunctionCode {

    Code codeFor(FunctionSpec function);

    /** The jars the Maven reactor built ({@link FunctionSpec#jarPath()}), never Docker bundling. */
    static FunctionCode fromBuiltJars(Path repositoryRoot) {
        return function -> {
            Path jar = repositoryRoot.resolve(function.jarPath());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Missing " + function.jarPath() + " for function " + function.name()
                        + ": build the functions first with `mvn -B package -DskipTests` from " + repositoryRoot);
            }
            return Code.fromAsset(jar.toString());
        };
    }
}
