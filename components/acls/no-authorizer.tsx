import { Alert } from '@/components/ui/alert';

/** A cluster without an authorizer has no ACLs at all: a state of the cluster, not a failure. */
export function NoAuthorizer() {
  return (
    <Alert tone="info" title="No authorizer configured">
      This cluster runs without an authorizer (Kafka answers SECURITY_DISABLED): every client may do everything, and ACLs cannot be created. Set{' '}
      <code>authorizer.class.name</code> (StandardAuthorizer on KRaft) on every node to use them.
    </Alert>
  );
}
