package bench.jdbc;

/**
 * A JDBC statement that does nothing (every method returns at once, {@code null} or zero), so that
 * {@link dev.sonde.bench.jdbc.JdbcCost} measures what sonde adds to an execution and nothing else.
 * Generated from {@code java.sql.CallableStatement} (so it is a prepared and a plain statement too).
 * {@code executeQuery(String)} does what a leading comment asks ({@link StatementWork}), and nothing
 * for any other text.
 */
@SuppressWarnings({"deprecation", "rawtypes", "unchecked"})
public final class FakeStatement implements java.sql.CallableStatement {

    @Override
    public boolean getBoolean(int a0) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean getBoolean(java.lang.String a0) throws java.sql.SQLException {
        return false;
    }

    @Override
    public byte getByte(java.lang.String a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public byte getByte(int a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public short getShort(int a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public short getShort(java.lang.String a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getInt(int a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getInt(java.lang.String a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public long getLong(java.lang.String a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public long getLong(int a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public float getFloat(java.lang.String a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public float getFloat(int a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public double getDouble(int a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public double getDouble(java.lang.String a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public byte[] getBytes(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public byte[] getBytes(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public void setBoolean(java.lang.String a0, boolean a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setByte(java.lang.String a0, byte a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setShort(java.lang.String a0, short a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setInt(java.lang.String a0, int a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setLong(java.lang.String a0, long a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setFloat(java.lang.String a0, float a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setDouble(java.lang.String a0, double a1) throws java.sql.SQLException {
        
    }

    @Override
    public java.lang.Object getObject(int a0, java.util.Map a1) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.lang.Object getObject(int a0, java.lang.Class a1) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.lang.Object getObject(java.lang.String a0, java.lang.Class a1) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.lang.Object getObject(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.lang.Object getObject(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.lang.Object getObject(java.lang.String a0, java.util.Map a1) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Ref getRef(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Ref getRef(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Array getArray(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Array getArray(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public void setURL(java.lang.String a0, java.net.URL a1) throws java.sql.SQLException {
        
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Timestamp getTimestamp(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String a0, java.util.Calendar a1) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Timestamp getTimestamp(int a0, java.util.Calendar a1) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.lang.String getString(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.lang.String getString(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int a0, int a1) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.math.BigDecimal getBigDecimal(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Time getTime(java.lang.String a0, java.util.Calendar a1) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Time getTime(int a0, java.util.Calendar a1) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Time getTime(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Time getTime(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public void setTime(java.lang.String a0, java.sql.Time a1, java.util.Calendar a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setTime(java.lang.String a0, java.sql.Time a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setDate(java.lang.String a0, java.sql.Date a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setDate(java.lang.String a0, java.sql.Date a1, java.util.Calendar a2) throws java.sql.SQLException {
        
    }

    @Override
    public java.sql.Date getDate(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Date getDate(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Date getDate(java.lang.String a0, java.util.Calendar a1) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Date getDate(int a0, java.util.Calendar a1) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.net.URL getURL(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.net.URL getURL(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public void registerOutParameter(int a0, int a1, int a2) throws java.sql.SQLException {
        
    }

    @Override
    public void registerOutParameter(java.lang.String a0, int a1, java.lang.String a2) throws java.sql.SQLException {
        
    }

    @Override
    public void registerOutParameter(java.lang.String a0, int a1, int a2) throws java.sql.SQLException {
        
    }

    @Override
    public void registerOutParameter(java.lang.String a0, int a1) throws java.sql.SQLException {
        
    }

    @Override
    public void registerOutParameter(int a0, int a1, java.lang.String a2) throws java.sql.SQLException {
        
    }

    @Override
    public void registerOutParameter(int a0, int a1) throws java.sql.SQLException {
        
    }

    @Override
    public boolean wasNull() throws java.sql.SQLException {
        return false;
    }

    @Override
    public java.sql.Blob getBlob(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Blob getBlob(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Clob getClob(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.Clob getClob(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public void setNull(java.lang.String a0, int a1, java.lang.String a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setNull(java.lang.String a0, int a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setBigDecimal(java.lang.String a0, java.math.BigDecimal a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setString(java.lang.String a0, java.lang.String a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setBytes(java.lang.String a0, byte[] a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setTimestamp(java.lang.String a0, java.sql.Timestamp a1, java.util.Calendar a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setTimestamp(java.lang.String a0, java.sql.Timestamp a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setAsciiStream(java.lang.String a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setAsciiStream(java.lang.String a0, java.io.InputStream a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setAsciiStream(java.lang.String a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setBinaryStream(java.lang.String a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setBinaryStream(java.lang.String a0, java.io.InputStream a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setBinaryStream(java.lang.String a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setObject(java.lang.String a0, java.lang.Object a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setObject(java.lang.String a0, java.lang.Object a1, int a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setObject(java.lang.String a0, java.lang.Object a1, int a2, int a3) throws java.sql.SQLException {
        
    }

    @Override
    public void setCharacterStream(java.lang.String a0, java.io.Reader a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setCharacterStream(java.lang.String a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setCharacterStream(java.lang.String a0, java.io.Reader a1, int a2) throws java.sql.SQLException {
        
    }

    @Override
    public java.sql.RowId getRowId(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.RowId getRowId(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public void setRowId(java.lang.String a0, java.sql.RowId a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setNString(java.lang.String a0, java.lang.String a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setNCharacterStream(java.lang.String a0, java.io.Reader a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setNCharacterStream(java.lang.String a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setNClob(java.lang.String a0, java.io.Reader a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setNClob(java.lang.String a0, java.sql.NClob a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setNClob(java.lang.String a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setClob(java.lang.String a0, java.io.Reader a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setClob(java.lang.String a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setClob(java.lang.String a0, java.sql.Clob a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setBlob(java.lang.String a0, java.io.InputStream a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setBlob(java.lang.String a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setBlob(java.lang.String a0, java.sql.Blob a1) throws java.sql.SQLException {
        
    }

    @Override
    public java.sql.NClob getNClob(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.NClob getNClob(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public void setSQLXML(java.lang.String a0, java.sql.SQLXML a1) throws java.sql.SQLException {
        
    }

    @Override
    public java.sql.SQLXML getSQLXML(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.SQLXML getSQLXML(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.lang.String getNString(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.lang.String getNString(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.io.Reader getNCharacterStream(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.io.Reader getNCharacterStream(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.io.Reader getCharacterStream(java.lang.String a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.io.Reader getCharacterStream(int a0) throws java.sql.SQLException {
        return null;
    }

    @Override
    public boolean execute() throws java.sql.SQLException {
        return false;
    }

    @Override
    public void setBoolean(int a0, boolean a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setByte(int a0, byte a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setShort(int a0, short a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setInt(int a0, int a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setLong(int a0, long a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setFloat(int a0, float a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setDouble(int a0, double a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setURL(int a0, java.net.URL a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setArray(int a0, java.sql.Array a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setTime(int a0, java.sql.Time a1, java.util.Calendar a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setTime(int a0, java.sql.Time a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setDate(int a0, java.sql.Date a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setDate(int a0, java.sql.Date a1, java.util.Calendar a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setNull(int a0, int a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setNull(int a0, int a1, java.lang.String a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setBigDecimal(int a0, java.math.BigDecimal a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setString(int a0, java.lang.String a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setBytes(int a0, byte[] a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setTimestamp(int a0, java.sql.Timestamp a1, java.util.Calendar a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setTimestamp(int a0, java.sql.Timestamp a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setAsciiStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setAsciiStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setAsciiStream(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setBinaryStream(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setBinaryStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setBinaryStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setObject(int a0, java.lang.Object a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setObject(int a0, java.lang.Object a1, int a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setObject(int a0, java.lang.Object a1, int a2, int a3) throws java.sql.SQLException {
        
    }

    @Override
    public void setCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setCharacterStream(int a0, java.io.Reader a1, int a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setCharacterStream(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setRowId(int a0, java.sql.RowId a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setNString(int a0, java.lang.String a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setNCharacterStream(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setNCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setNClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setNClob(int a0, java.sql.NClob a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setNClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setClob(int a0, java.sql.Clob a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setBlob(int a0, java.sql.Blob a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setBlob(int a0, java.io.InputStream a1) throws java.sql.SQLException {
        
    }

    @Override
    public void setBlob(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
        
    }

    @Override
    public void setSQLXML(int a0, java.sql.SQLXML a1) throws java.sql.SQLException {
        
    }

    @Override
    public java.sql.ResultSet executeQuery() throws java.sql.SQLException {
        return null;
    }

    @Override
    public int executeUpdate() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public void setUnicodeStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
        
    }

    @Override
    public void clearParameters() throws java.sql.SQLException {
        
    }

    @Override
    public void addBatch() throws java.sql.SQLException {
        
    }

    @Override
    public void setRef(int a0, java.sql.Ref a1) throws java.sql.SQLException {
        
    }

    @Override
    public java.sql.ResultSetMetaData getMetaData() throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.ParameterMetaData getParameterMetaData() throws java.sql.SQLException {
        return null;
    }

    @Override
    public long executeLargeUpdate() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public boolean execute(java.lang.String a0, int[] a1) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean execute(java.lang.String a0) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean execute(java.lang.String a0, java.lang.String[] a1) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean execute(java.lang.String a0, int a1) throws java.sql.SQLException {
        return false;
    }

    @Override
    public void close() throws java.sql.SQLException {
        
    }

    @Override
    public void cancel() throws java.sql.SQLException {
        
    }

    @Override
    public int[] executeBatch() throws java.sql.SQLException {
        return new int[0];
    }

    @Override
    public long[] executeLargeBatch() throws java.sql.SQLException {
        return new long[0];
    }

    @Override
    public java.sql.ResultSet executeQuery(java.lang.String a0) throws java.sql.SQLException {
        StatementWork.of(a0).run();
        return null;
    }

    @Override
    public int executeUpdate(java.lang.String a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int executeUpdate(java.lang.String a0, int[] a1) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int executeUpdate(java.lang.String a0, int a1) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int executeUpdate(java.lang.String a0, java.lang.String[] a1) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public void addBatch(java.lang.String a0) throws java.sql.SQLException {
        
    }

    @Override
    public long executeLargeUpdate(java.lang.String a0, java.lang.String[] a1) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public long executeLargeUpdate(java.lang.String a0, int[] a1) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public long executeLargeUpdate(java.lang.String a0, int a1) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public long executeLargeUpdate(java.lang.String a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxFieldSize() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public void setMaxFieldSize(int a0) throws java.sql.SQLException {
        
    }

    @Override
    public int getMaxRows() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public void setMaxRows(int a0) throws java.sql.SQLException {
        
    }

    @Override
    public void setEscapeProcessing(boolean a0) throws java.sql.SQLException {
        
    }

    @Override
    public int getQueryTimeout() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public void setQueryTimeout(int a0) throws java.sql.SQLException {
        
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
        return null;
    }

    @Override
    public void clearWarnings() throws java.sql.SQLException {
        
    }

    @Override
    public void setCursorName(java.lang.String a0) throws java.sql.SQLException {
        
    }

    @Override
    public java.sql.ResultSet getResultSet() throws java.sql.SQLException {
        return null;
    }

    @Override
    public int getUpdateCount() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public boolean getMoreResults(int a0) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean getMoreResults() throws java.sql.SQLException {
        return false;
    }

    @Override
    public void setFetchDirection(int a0) throws java.sql.SQLException {
        
    }

    @Override
    public int getFetchDirection() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public void setFetchSize(int a0) throws java.sql.SQLException {
        
    }

    @Override
    public int getFetchSize() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getResultSetConcurrency() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getResultSetType() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public void clearBatch() throws java.sql.SQLException {
        
    }

    @Override
    public java.sql.Connection getConnection() throws java.sql.SQLException {
        return null;
    }

    @Override
    public java.sql.ResultSet getGeneratedKeys() throws java.sql.SQLException {
        return null;
    }

    @Override
    public int getResultSetHoldability() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public void setPoolable(boolean a0) throws java.sql.SQLException {
        
    }

    @Override
    public boolean isPoolable() throws java.sql.SQLException {
        return false;
    }

    @Override
    public void closeOnCompletion() throws java.sql.SQLException {
        
    }

    @Override
    public boolean isCloseOnCompletion() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean isClosed() throws java.sql.SQLException {
        return false;
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
