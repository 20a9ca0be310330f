package io.chipbet.kubernetes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The unprivileged user the base image creates (deploy/kubernetes/tools/base-image.sh), read from the script itself. */
final class ImageUser {

    static final int UID = uid();

    private ImageUser() {
    }

    private static int uid() {
        Matcher matcher = Pattern.compile("(?m)^uid=(\\d+)$").matcher(Manifests.read(Manifests.KUBERNETES.resolve("tools/base-image.sh")));
        if (!matcher.find()) {
            throw new AssertionError("base-image.sh sets no uid");
        }
        return Integer.parseInt(matcher.group(1));
    }
}
