package fr.thdtracker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The boundaries drawn in docs/architecture.md, checked on the compiled main classes: which feature
 * may use which, routing free of Spring and JDBC, one geometry codec, controllers package-private,
 * no untyped {@code Map<String, Object>} answers, and {@code common} holding only what several
 * features share.
 */
class ArchitectureTest {

    private static final String ROOT = "fr.thdtracker";

    /**
     * Who may call whom (besides {@code common}, which everyone may use). Keep in step with the
     * diagram of docs/architecture.md: a new dependency between features is a design decision.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("common", Set.of()),
            Map.entry("premises", Set.of()),
            Map.entry("territory", Set.of()),
            Map.entry("routing", Set.of()),
            Map.entry("security", Set.of()),
            Map.entry("health", Set.of()),
            Map.entry("info", Set.of()),
            Map.entry("catalog", Set.of("security")),
            Map.entry("demo", Set.of("territory")),
            Map.entry("eligibility", Set.of("routing", "security")),
            Map.entry("phases", Set.of("premises")),
            Map.entry("progress", Set.of("eligibility")),
            Map.entry("tiles", Set.of("catalog", "eligibility")),
            Map.entry("ogc", Set.of("catalog")),
            Map.entry("layers", Set.of("catalog")),
            Map.entry("perimeter", Set.of("security")));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static String feature(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT + ".")) {
            return pkg.equals(ROOT) ? "" : null;
        }
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void everyFeaturePackageIsDeclared() {
        Set<String> features = new TreeSet<>();
        MAIN.forEach(c -> {
            String f = feature(c);
            if (f != null && !f.isEmpty()) {
                features.add(f);
            }
        });
        assertThat(ALLOWED.keySet())
                .as("a new feature package needs its line in ALLOWED and in docs/architecture.md")
                .containsAll(features);
    }

    @Test
    void featuresUseOnlyTheFeaturesTheArchitectureAllows() {
        Map<String, Set<String>> violations = new TreeMap<>();
        for (JavaClass c : MAIN) {
            String from = feature(c);
            if (from == null || from.isEmpty()) {
                continue; // the application class wires everything
            }
            c.getDirectDependenciesFromSelf().forEach(d -> {
                String to = feature(d.getTargetClass());
                if (to == null || to.isEmpty() || to.equals(from) || to.equals("common")) {
                    return;
                }
                if (!ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
                    violations.computeIfAbsent(from + " → " + to, k -> new TreeSet<>())
                            .add(c.getSimpleName() + " uses " + d.getTargetClass().getSimpleName());
                }
            });
        }
        assertThat(violations).as("dependencies between features not drawn in docs/architecture.md").isEmpty();
    }

    @Test
    void featuresHaveNoCycles() {
        SlicesRuleDefinition.slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void routingIsFreeOfSpringAndJdbc() {
        noClasses().that().resideInAPackage(ROOT + ".routing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "org.postgresql..", "jakarta.servlet..")
                .because("routing is a core library like GraphHopper's: the database side lives with its callers")
                .check(MAIN);
    }

    @Test
    void oneGeometryCodec() {
        noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".common.GeometryCodec")
                .should().dependOnClassesThat().resideInAPackage("org.locationtech.jts.io..")
                .because("geometries cross the Java / PostGIS boundary one way: common.GeometryCodec")
                .check(MAIN);
    }

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".common..")
                .should().dependOnClassesThat().resideInAnyPackage(ALLOWED.keySet().stream()
                        .filter(f -> !f.equals("common")).map(f -> ROOT + "." + f + "..").toArray(String[]::new))
                .check(MAIN);
    }

    @Test
    void commonHoldsOnlyWhatSeveralFeaturesShare() {
        Map<String, Set<String>> usedBy = new TreeMap<>();
        for (JavaClass c : MAIN) {
            if (!"common".equals(feature(c)) || c.isNestedClass() || c.isAnonymousClass()) {
                continue;
            }
            Set<String> users = new TreeSet<>();
            c.getDirectDependenciesToSelf().forEach(d -> {
                String f = feature(d.getOriginClass());
                if (f != null && !f.isEmpty() && !f.equals("common")) {
                    users.add(f);
                }
            });
            // a class used by the common classes that are shared counts through them (e.g. an exception type)
            usedBy.put(c.getSimpleName(), users);
        }
        Map<String, Set<String>> lonely = new TreeMap<>();
        usedBy.forEach((cls, users) -> {
            if (users.size() < 2 && !usedOnlyInsideCommonByShared(cls, usedBy) && !crossCutting(cls)) {
                lonely.put(cls, users);
            }
        });
        assertThat(lonely).as("classes of common used by fewer than two features belong to that feature").isEmpty();
    }

    /** A Spring component no class calls, applied to every route (the error format and page, a filter, an interceptor). */
    private static boolean crossCutting(String cls) {
        return MAIN.stream().filter(c -> "common".equals(feature(c)) && c.getSimpleName().equals(cls))
                .anyMatch(c -> c.isAnnotatedWith("org.springframework.stereotype.Component")
                        || c.isMetaAnnotatedWith("org.springframework.stereotype.Component"));
    }

    private static boolean usedOnlyInsideCommonByShared(String cls, Map<String, Set<String>> usedBy) {
        for (JavaClass c : MAIN) {
            if (!"common".equals(feature(c)) || c.isNestedClass() || !c.getSimpleName().equals(cls)) {
                continue;
            }
            return c.getDirectDependenciesToSelf().stream()
                    .map(d -> d.getOriginClass())
                    .filter(o -> "common".equals(feature(o)) && !o.getSimpleName().equals(cls))
                    .map(o -> o.isNestedClass() ? o.getEnclosingClass().orElseThrow().getSimpleName() : o.getSimpleName())
                    .anyMatch(o -> usedBy.getOrDefault(o, Set.of()).size() >= 2);
        }
        return false;
    }

    @Test
    void controllersArePackagePrivate() {
        Set<String> publicControllers = new TreeSet<>();
        for (JavaClass c : MAIN) {
            boolean controller = c.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                    || c.isAnnotatedWith("org.springframework.stereotype.Controller");
            if (controller && c.getModifiers().contains(JavaModifier.PUBLIC)) {
                publicControllers.add(c.getName());
            }
        }
        assertThat(publicControllers).as("controllers are package-private, as in spring-petclinic").isEmpty();
    }

    /** JSON answers and rows that cross a package are records, never Map<String, Object>. */
    @Test
    void noUntypedMapCrossesAPackageBoundary() {
        Set<String> offenders = new TreeSet<>();
        for (JavaClass c : MAIN) {
            for (JavaMethod m : c.getMethods()) {
                if (!untyped(m.getReturnType()) && m.getParameterTypes().stream().noneMatch(ArchitectureTest::untyped)) {
                    continue;
                }
                boolean handler = m.getAnnotations().stream()
                        .anyMatch(a -> a.getRawType().getPackageName().equals("org.springframework.web.bind.annotation")
                                && a.getRawType().getSimpleName().endsWith("Mapping"));
                boolean calledFromElsewhere = m.getCallsOfSelf().stream()
                        .anyMatch(call -> !call.getOriginOwner().getPackageName().equals(c.getPackageName()));
                if (handler || calledFromElsewhere) {
                    offenders.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(offenders).as("methods answering or taking Map<String, Object> across a package or over HTTP").isEmpty();
    }

    /** Map<String, Object>, or a List / Optional / ResponseEntity of it. */
    private static boolean untyped(JavaType type) {
        if (!(type instanceof JavaParameterizedType p)) {
            return false;
        }
        String raw = type.toErasure().getName();
        if (raw.equals("java.util.Map") && p.getActualTypeArguments().size() == 2) {
            String value = p.getActualTypeArguments().get(1).toErasure().getName();
            return value.equals("java.lang.Object");
        }
        return p.getActualTypeArguments().stream().anyMatch(ArchitectureTest::untyped);
    }
}
