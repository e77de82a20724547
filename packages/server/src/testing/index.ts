export { type SunkMail, startSmtpSink } from './smtp-sink.js';
export { type GraphQLResponse, type TestClient, type TestServer, errorCode, fieldErrorPaths, startTestServer } from './test-server.js';
