package dev.blockmine.node.store.postgres;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Database transactions of the store and the pool. A transaction that cannot begin or end (the database went away)
 * is reported as the database's failure, a {@link org.springframework.dao.DataAccessException} like any other, so
 * that every caller answers it the same way (503, nothing claimed). Transactions on one thread join: a block's insert
 * and the pending transactions it takes commit together.
 */
final class Transactions {

    private final TransactionTemplate template;

    Transactions(DataSource dataSource) {
        this.template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    <T> T run(TransactionCallback<T> work) {
        try {
            return template.execute(work);
        } catch (TransactionException e) {
            throw new DataAccessResourceFailureException("the database transaction failed: " + e.getMessage(), e);
        }
    }
}
