package dev.blockmine.node;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The boundaries of README's "Architecture" picture, checked on the compiled main classes of pow, client-miner,
 * loadtest and node: pow at the bottom, the node and the tools on top of it, the node's feature packages without
 * cycles, the HTTP controllers (api) on top of the features and nobody's dependency, the stores behind the chain.
 */
class ArchitectureTest {

    private static final String POW = "dev.blockmine.pow..";
    private static final String NODE = "dev.blockmine.node..";
    private static final String MINER = "dev.blockmine.miner..";
    private static final String LOADTEST = "dev.blockmine.loadtest..";
    private static final String BENCH = "dev.blockmine.bench..";

    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // pow's test-jar (a whole-reactor build puts the jar, not test-classes, on the class path)
            .withImportOption(location -> !location.contains("-tests.jar"))
            // the code Spring AOT generates into target/classes at package time (Foo__BeanDefinitions, CGLIB
            // subclasses): the wiring of every bean, which reaches every package by design
            .withImportOption(location -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
            .importPackages("dev.blockmine");

    @Test
    void powIsAtTheBottom() {
        noClasses().that().resideInAPackage(POW).should().dependOnClassesThat()
                .resideInAnyPackage(NODE, MINER, LOADTEST, BENCH).check(MAIN);
    }

    @Test
    void powHasNoImportCycle() {
        // every package of pow its own slice, the top package (ProofRule, CanonicalJson, ...) included
        slices().matching("dev.blockmine.(**)").should().beFreeOfCycles()
                .check(MAIN.that(resideInAPackage(POW)));
    }

    @Test
    void theNodeAndTheToolsUseOnlyPowOfEachOther() {
        noClasses().that().resideInAPackage(NODE).should().dependOnClassesThat()
                .resideInAnyPackage(MINER, LOADTEST, BENCH).check(MAIN);
        noClasses().that().resideInAPackage(MINER).should().dependOnClassesThat()
                .resideInAnyPackage(NODE, LOADTEST, BENCH).check(MAIN);
        noClasses().that().resideInAPackage(LOADTEST).should().dependOnClassesThat()
                .resideInAnyPackage(NODE, MINER, BENCH).check(MAIN);
    }

    @Test
    void theNodesFeaturePackagesHaveNoCycles() {
        // chain, ledger, mining, peers, tcp, dashboard, api, store, openapi; the top package holds only the
        // application and its settings (NodeProperties), which every feature reads
        slices().matching("dev.blockmine.node.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theControllersCallFeatureServicesAndNothingCallsThem() {
        noClasses().that().resideInAPackage("dev.blockmine.node.api..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.blockmine.node.tcp..", "dev.blockmine.node.dashboard..",
                        "dev.blockmine.node.store..", "dev.blockmine.node.openapi..")
                .because("the HTTP API reaches blocks only through the chain and the feature services")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.blockmine.node.api..").should().dependOnClassesThat()
                .haveSimpleName("BlockStore").orShould().dependOnClassesThat().haveSimpleName("JournalStore")
                .because("where blocks are kept is the chain's business").check(MAIN);
        // ApiException is the HTTP error every controller throws (the dashboard's and the event streams' too), and
        // RequestParameters reads query and path parameters with it, the same for the API and the explorer
        noClasses().that().resideOutsideOfPackage("dev.blockmine.node.api..").should().dependOnClassesThat(
                resideInAPackage("dev.blockmine.node.api..").and(not(simpleName("ApiException")))
                        .and(not(simpleName("RequestParameters"))))
                .because("the controllers are the top of the node").check(MAIN);
    }

    @Test
    void theLauncherUsesTheJdkOnly() {
        // node.jar runs launch.NodeJar from the jar's root, where only the JDK is on the class path
        noClasses().that().resideInAPackage("dev.blockmine.node.launch..").should().dependOnClassesThat()
                .resideOutsideOfPackages("dev.blockmine.node.launch..", "java..", "javax..", "sun.misc..")
                .check(MAIN);
    }

    @Test
    void theStoresAreBehindTheChain() {
        noClasses().that().resideOutsideOfPackages("dev.blockmine.node.chain..", "dev.blockmine.node.store..")
                .should().dependOnClassesThat().resideInAPackage("dev.blockmine.node.store..").check(MAIN);
    }
}
