import { Button } from '@acme/ui';

/** Marketing wanted a button that "just links to the calendar". */
export function BookDemo() {
  return (
    <Button as="a" href="https://calendar.acme-partner.example/acme/demo" variant="primary">
      Book a demo
    </Button>
  );
}
