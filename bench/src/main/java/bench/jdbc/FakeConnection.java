package bench.jdbc;

/** A JDBC connection whose {@code prepare*} return a {@link FakeStatement}; everything else does nothing. */
@SuppressWarnings({"deprecation", "rawtypes", "unchecked"})
public final class FakeConnection implements java.sql.Connection {

    @Override
    public void setReadOnly(boolean a0) throws java.sql.SQLException {
        
    }

    @Override
    public void close() throws java.sql.SQLException {
        
    }

    @Override
    public boolean isReadOnly() throws java.sql.SQLException {
        return false;
    }

    @Override
    public void commit() throws java.sql.SQLException {
        
    }

    @Override
    public boolean isValid(int a0) throws java.sql.SQLException {
        return false;
    }

    @Override
    public void abort(java.util.concurrent.Executor a0) throws java.sql.SQLException {
        
    }

    @Override
    public boolean isClosed() throws java.sql.SQLException {
        return false;
    }

    @Override
    public void rollback(java.sql.Savepoint a0) throws java.sql.SQLException {
        
    }

    @Override
    public void rollback() throws java.sql.SQLException {
        
    }

    @Override
    public java.sql.Statement createStatement(int a0, int a1) throws java.sql.SQLException {
        return new FakeStatement();
    }

    @Override
    public java.sql.Statement createStatement(int a0, int a1, int a2) throws java.sql.SQLException {
        return new FakeStatement();
    }

    @Override
    public java.sql.Statement createStatement() throws java.sql.SQLException {
        return new FakeStatement();
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String a0, int a1) throws java.sql.SQLException {
        return new FakeStatement();
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String a0, int[] a1) throws java.sql.SQLException {
        return new FakeStatement();
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String a0, java.lang.String[] a1) throws java.sql.SQLException {
        return new FakeStatement();
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String a0, int a1, int a2) throws java.sql.SQLException {
        return new FakeStatement();
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String a0) throws java.sql.SQLException {
        return new FakeStatement();
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String a0, int a1, int a2, int a3) throws java.sql.SQLException {
        return new FakeStatement();
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String a0, int a1, int a2, int a3) throws java.sql.SQLException {
        return new FakeStatement();
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String a0) throws java.sql.SQLException {
        return new FakeStatement();
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String a0, int a1, int a2) throws java.sql.SQLException {
        return new FakeStatement();
    }

    @Override
    public java.lang.String nativeSQL(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public void setAutoCommit(boolean a0) throws java.sql.SQLException {
        
    }

    @Override
    public boolean getAutoCommit() throws java.sql.SQLException {
        return false;
    }

    @Override
    public java.sql.DatabaseMetaData getMetaData() throws java.sql.SQLException {
        return null;
    }

    @Override
    public void setCatalog(java.lang.String a0) throws java.sql.SQLException {
        
    }

    @Override
    public java.lang.String getCatalog() throws java.sql.SQLException {
        return null;
    }

    @Override
    public void setTransactionIsolation(int a0) throws java.sql.SQLException {
        
    }

    @Override
    public int getTransactionIsolation() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
        return null;
    }

    @Override
    public void clearWarnings() throws java.sql.SQLException {
        
    }

    @Override
    public java.util.Map getTypeMap() throws java.sql.SQLException {
        return null;
    }

    @Override
    public void setTypeMap(java.util.Map a0) throws java.sql.SQLException {
        
    }

    @Override
    public void setHoldability(int a0) throws java.sql.SQLException {
        
    }

    @Override
    public int getHoldability() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public java.sql.Savepoint setSavepoint() throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Savepoint setSavepoint(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public void releaseSavepoint(java.sql.Savepoint a0) throws java.sql.SQLException {
        
    }

    @Override
    public java.sql.Clob createClob() throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Blob createBlob() throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.NClob createNClob() throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.SQLXML createSQLXML() throws java.sql.SQLException {
        return null;
    }

    @Override
    public void setClientInfo(java.util.Properties a0) {
        
    }

    @Override
    public void setClientInfo(java.lang.String a0, java.lang.String a1) {
        
    }

    @Override
    public java.util.Properties getClientInfo() throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.lang.String getClientInfo(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Array createArrayOf(java.lang.String a0, java.lang.Object[] a1) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Struct createStruct(java.lang.String a0, java.lang.Object[] a1) throws java.sql.SQLException {
        return null;
    }

    @Override
    public void setSchema(java.lang.String a0) throws java.sql.SQLException {
        
    }

    @Override
    public java.lang.String getSchema() throws java.sql.SQLException {
        return null;
    }

    @Override
    public void setNetworkTimeout(java.util.concurrent.Executor a0, int a1) throws java.sql.SQLException {
        
    }

    @Override
    public int getNetworkTimeout() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public java.lang.Object unwrap(java.lang.Class a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public boolean isWrapperFor(java.lang.Class a0) throws java.sql.SQLException {
        return false;
    }
}
