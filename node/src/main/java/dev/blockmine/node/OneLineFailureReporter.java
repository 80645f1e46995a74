package dev.blockmine.node;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports why the node could not start in one line, without a stack trace: a wrong setting
 * ({@link StartFailureAnalyzer}) or any failure Boot's analyzers understand (a port in use, say). Boot's own
 * reporter, a dozen lines, is silenced in application.yml; a failure nobody understands (a bug) is still logged with
 * its stack trace by Spring Boot.
 */
final class OneLineFailureReporter implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger(NodeApplication.class);

    @Override
    public void report(FailureAnalysis analysis) {
        String action = analysis.getAction() == null || analysis.getAction().isBlank() ? ""
                : " (" + oneLine(analysis.getAction()) + ")";
        log.error("The node cannot start: {}{}", oneLine(analysis.getDescription()), action);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
