package io.recollect.reconciliation;

import io.recollect.shared.Actors;
import io.recollect.shared.BusinessRuleException;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Uploads from the finance page run behind the request, one at a time on this node, so a
 * statement of thousands of lines shows its progress instead of holding the browser; the import
 * itself is the API's, all or nothing and idempotent by line id.
 */
@Service
public class StatementUploads {

    private static final Logger log = LoggerFactory.getLogger(StatementUploads.class);
    private static final int RECENT = 10;

    private final BankStatementService statements;
    private final StatementImports imports;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "statement-import");
        thread.setDaemon(true);
        return thread;
    });

    StatementUploads(BankStatementService statements, StatementImports imports) {
        this.statements = statements;
        this.imports = imports;
    }

    /** Starts importing in the background, as the current user; the id is the upload's progress row. */
    public UUID start(BankStatementService.Upload upload) {
        BankStatementService.requireFinance();
        UUID id = UUID.randomUUID();
        imports.started(id, upload.fileName(), Actors.current());
        worker.execute(DelegatingSecurityContextRunnable.create(() -> run(upload, id),
                SecurityContextHolder.getContext()));
        return id;
    }

    private void run(BankStatementService.Upload upload, UUID id) {
        try {
            statements.upload(upload, id);
        } catch (BusinessRuleException refused) {
            // the progress row says why, in plain words, for the page
        } catch (RuntimeException broken) {
            log.error("Statement upload {} broke off; nothing of it was recorded", id, broken);
        }
    }

    public ImportProgress progress(UUID id) {
        BankStatementService.requireFinance();
        return imports.get(id);
    }

    public List<ImportProgress> recent() {
        BankStatementService.requireFinance();
        return imports.recent(RECENT);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
