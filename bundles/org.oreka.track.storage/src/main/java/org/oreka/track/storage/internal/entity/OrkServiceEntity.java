package org.oreka.track.storage.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code orkservice}: a recorder or other service that reports to OrkTrack. */
@Entity
@Table(name = "orkservice")
public class OrkServiceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    private String hostname;

    @Column(name = "tcpPort")
    private Integer tcpPort;

    @Column(name = "fileServeProtocol")
    private String fileServeProtocol;

    @Column(name = "fileServeTcpPort")
    private Integer fileServeTcpPort;

    @Column(name = "fileServePath")
    private String fileServePath;

    @Column(name = "contextPath")
    private String contextPath;

    @Column(name = "serviceClass")
    private String serviceClass;

    @Column(name = "recordMaster", nullable = false)
    private boolean recordMaster;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public Integer getTcpPort() {
        return tcpPort;
    }

    public void setTcpPort(Integer tcpPort) {
        this.tcpPort = tcpPort;
    }

    public String getFileServeProtocol() {
        return fileServeProtocol;
    }

    public void setFileServeProtocol(String fileServeProtocol) {
        this.fileServeProtocol = fileServeProtocol;
    }

    public Integer getFileServeTcpPort() {
        return fileServeTcpPort;
    }

    public void setFileServeTcpPort(Integer fileServeTcpPort) {
        this.fileServeTcpPort = fileServeTcpPort;
    }

    public String getFileServePath() {
        return fileServePath;
    }

    public void setFileServePath(String fileServePath) {
        this.fileServePath = fileServePath;
    }

    public String getContextPath() {
        return contextPath;
    }

    public void setContextPath(String contextPath) {
        this.contextPath = contextPath;
    }

    public String getServiceClass() {
        return serviceClass;
    }

    public void setServiceClass(String serviceClass) {
        this.serviceClass = serviceClass;
    }

    public boolean isRecordMaster() {
        return recordMaster;
    }

    public void setRecordMaster(boolean recordMaster) {
        this.recordMaster = recordMaster;
    }
}
