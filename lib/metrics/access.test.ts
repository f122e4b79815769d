import { describe, expect, it } from 'vitest';
import { metricsAccess } from './access';

const loginOn = { AUTH_USERS: '[{"username":"a","role":"admin","passwordHash":"x"}]' };

describe('metricsAccess', () => {
  it('is open with login off, like every other route', () => {
    expect(metricsAccess({}, null)).toEqual({ ok: true });
  });

  it('does not exist with login on and no METRICS_TOKEN', () => {
    expect(metricsAccess(loginOn, 'Bearer anything')).toMatchObject({ ok: false, status: 404 });
  });

  it('with login on, needs the bearer token', () => {
    const env = { ...loginOn, METRICS_TOKEN: 's3cret' };
    expect(metricsAccess(env, 'Bearer s3cret')).toEqual({ ok: true });
    expect(metricsAccess(env, 'bearer s3cret')).toEqual({ ok: true });
    expect(metricsAccess(env, null)).toMatchObject({ ok: false, status: 401 });
    expect(metricsAccess(env, 'Bearer s3cre')).toMatchObject({ ok: false, status: 401 });
    expect(metricsAccess(env, 'Basic s3cret')).toMatchObject({ ok: false, status: 401 });
  });
});
