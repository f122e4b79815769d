import { errorResponse } from '@/lib/http';

export const runtime = 'nodejs';

// Unknown API paths answer JSON, never the HTML 404 page.
const notFound = async () => errorResponse('NOT_FOUND', 'No such API endpoint');

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
