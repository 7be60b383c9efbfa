package com.wildrydes.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.template.LocalIds;
import java.util.Map;

/**
 * The IDs of a lab's resources that have no local meaning (roles, policies, keys, log groups,
 * alarms...), so that references to them resolve and the IAM check and CloudFormation's resource
 * lists show what AWS would show.
 */
final class NotEmulatedResources {

    private NotEmulatedResources() {}

    /**
     * A resource with no local meaning still gets the ARN AWS would give it where the IAM check
     * needs one (a role's, a key's); any other a placeholder, so references to it resolve.
     */
    static void register(LabContext lab, String logicalId, String type) {
        String name = lab.generatedName(logicalId);
        switch (type) {
            case "AWS::IAM::Role" ->
                lab.ids.put(logicalId, name, Map.of("Arn", "arn:aws:iam::" + LocalIds.ACCOUNT + ":role/" + name));
            case "AWS::Logs::LogGroup" -> {
                // Its Ref is its name; a name the template does not give is made as CloudFormation would.
                JsonNode named = lab.assembly
                        .template()
                        .path("Resources")
                        .path(logicalId)
                        .path("Properties")
                        .get("LogGroupName");
                String logGroup = named == null ? name : lab.text(named);
                String arn =
                        "arn:aws:logs:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":log-group:" + logGroup + ":*";
                lab.ids.put(logicalId, logGroup, Map.of("Arn", arn));
            }
            case "AWS::KMS::Key" -> {
                String arn = "arn:aws:kms:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":key/" + name;
                lab.ids.put(logicalId, name, Map.of("Arn", arn, "KeyId", name));
            }
            default -> {
                String placeholder = LocalIds.placeholderArn(type.split("::")[1].toLowerCase(), logicalId);
                lab.ids.put(logicalId, placeholder, Map.of("Arn", placeholder));
            }
        }
    }
}
