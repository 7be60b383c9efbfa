package com.wildrydes.test.snapshots;

import java.util.regex.Pattern;

/**
 * Removes from a synthesized template what changes with every build of the Lambda jar but says
 * nothing about the infrastructure: asset hashes (64 hex characters, also inside S3 keys) and the
 * hash CDK puts in the logical ID of each function's {@code currentVersion}.
 */
public final class SnapshotNormalizer {

    private static final Pattern ASSET_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CURRENT_VERSION_ID = Pattern.compile("CurrentVersion[0-9A-Fa-f]{32,}");

    private SnapshotNormalizer() {}

    public static String normalize(String templateJson) {
        String withoutAssets = ASSET_HASH.matcher(templateJson).replaceAll("ASSET_HASH");
        return CURRENT_VERSION_ID.matcher(withoutAssets).replaceAll("CurrentVersionHASH");
    }
}
