package com.wildrydes.constructs.internal;

/**
 * The rule every construct here follows for a resource it would create: the reuser gives either an
 * existing object (used as it is) or props for the new one (passed through over the secure defaults),
 * never both, since one of them would be ignored.
 */
public final class ExistingOrProps {

    private ExistingOrProps() {}

    /**
     * Refuses {@code existing} and {@code props} given together.
     *
     * @param construct the construct's class name, for the message
     * @param existingName the prop that takes the existing object
     * @param existing its value, or null
     * @param propsName the prop that takes the new resource's props
     * @param props its value, or null
     */
    public static void requireNotBoth(
            String construct, String existingName, Object existing, String propsName, Object props) {
        if (existing != null && props != null) {
            throw new IllegalArgumentException(construct + ": give " + existingName + " (an existing resource, used as "
                    + "it is) or " + propsName + " (props of a new one), got both: " + propsName + " would be ignored");
        }
    }
}
