/** The redaction lives in common/ (the workspace server's sentiment request uses it too). */
export * from '../../common/ai-redact';
