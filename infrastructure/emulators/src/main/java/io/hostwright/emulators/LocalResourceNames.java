package io.hostwright.emulators;

import io.hostwright.manifest.ResourceNames;

import java.util.Map;

/** The manifest's resources as the emulators hold them. The emulator has no SES configuration set. */
record LocalResourceNames(String tableName, String credentialsTableName, Map<String, String> queueUrls, String mailFrom)
        implements ResourceNames {

    LocalResourceNames {
        queueUrls = Map.copyOf(queueUrls);
    }

    @Override
    public String queueUrl(String queueName) {
        String url = queueUrls.get(queueName);
        if (url == null) {
            throw new IllegalArgumentException("no queue named " + queueName + "; there are " + queueUrls.keySet());
        }
        return url;
    }

    @Override
    public String mailConfigurationSet() {
        return null;
    }
}
