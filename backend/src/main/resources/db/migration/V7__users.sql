-- Users of the application; passwords are stored as bcrypt hashes only.
CREATE TABLE app_user (
    username      text PRIMARY KEY CHECK (username ~ '^[a-z0-9._-]{2,64}$'),
    password_hash text NOT NULL CHECK (password_hash LIKE '{bcrypt}%'),
    display_name  text NOT NULL,
    enabled       boolean NOT NULL DEFAULT true
);

CREATE TABLE app_user_role (
    username text NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    role     text NOT NULL CHECK (role IN ('VIEWER', 'ENGINEER', 'OPERATOR', 'ADMIN')),
    PRIMARY KEY (username, role)
);
