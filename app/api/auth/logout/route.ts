import { NextResponse } from 'next/server';
import { endSession, sessionToken } from '@/lib/auth';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { withErrorHandling } from '@/lib/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Ends the session on the server (its cookie is worthless from now on, wherever it was copied) and clears the cookie. */
export const POST = withErrorHandling(
  async (request: Request) => {
    await endSession(sessionToken(request.headers.get('cookie')));
    const response = NextResponse.json({ loggedOut: true });
    response.cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', path: '/', maxAge: 0 });
    return response;
  },
  { changesCluster: false },
);
