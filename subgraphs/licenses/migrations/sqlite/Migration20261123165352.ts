import { Migration } from '@mikro-orm/migrations';

export class Migration20261123165352 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`licenses_user\` add column \`reseller_id\` text null;`);
    this.addSql(`alter table \`licenses_user\` add column \`two_factor_enabled\` integer not null default false;`);
    this.addSql(`alter table \`licenses_user\` add column \`google_sso_enabled\` integer not null default false;`);
    this.addSql(`alter table \`licenses_user\` add column \`last_login_at\` datetime null;`);
    this.addSql(`alter table \`licenses_user\` add column \`last_seen_at\` datetime null;`);
    this.addSql(`alter table \`licenses_user\` add column \`email_metrics\` integer not null default false;`);
    this.addSql(`alter table \`licenses_user\` add column \`metadata\` json not null default '{}';`);
  }

}
