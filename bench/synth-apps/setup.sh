# Sourced by bench/synth and bench/synth-profile, from the repository's root: what an app needs to
# synthesize as `cdk synth --build ""` runs it, without the CLI's own Node start-up.
#   $classpath  the CDK app's classpath (built once if missing)
#   $classes    the bench apps (EmptyApp, LabsApp), compiled
#   $app        cdk.json's "app" command, with the bench apps on its classpath and MAIN for the main class
#   CDK_CONTEXT_JSON (exported): cdk.json's context plus the keys the CLI itself adds
[ -f infra/target/classpath.txt ] || mvn -B -q -Dstyle.color=never -DskipTests -pl lambdas,infra -am package >/dev/null
classpath="infra/target/classes:$(cat infra/target/classpath.txt)"
classes=bench/target/synth-apps
mkdir -p "$classes"
javac -q -d "$classes" -cp "$classpath" bench/synth-apps/*.java 2>/dev/null || javac -d "$classes" -cp "$classpath" bench/synth-apps/*.java

# cdk.json's "app" command, with our bench classes on its classpath and a placeholder for the main class.
app=$(node -e 'const a=require("./cdk.json").app; if (!/ -cp .+ com\.wildrydes\.infra\.WildRydesApp$/.test(a)) throw new Error("unexpected app command: " + a);
  console.log(a.replace(" -cp ", " -cp bench/target/synth-apps:").replace(/com\.wildrydes\.infra\.WildRydesApp$/, "MAIN"))')
# The context the CLI passes: cdk.json's, plus the keys the CLI itself adds.
CDK_CONTEXT_JSON=$(node -e 'const c=require("./cdk.json").context; console.log(JSON.stringify(Object.assign({},
  c, {"aws:cdk:enable-path-metadata": true, "aws:cdk:enable-asset-metadata": true, "aws:cdk:version-reporting": true,
  "aws:cdk:bundling-stacks": ["**"], "@aws-cdk/core:failSynthOnValidationErrors": false})))')
export CDK_CONTEXT_JSON
