// Who is signed in and what their roles allow, as the core computed it from its one
// permission matrix: screens hide what the core would refuse anyway.
import type { Permission, SignedInView } from './bindings';

export const access = $state<{ current: SignedInView | null }>({ current: null });

export function can(p: Permission): boolean {
  return access.current?.permissions.includes(p) ?? false;
}
